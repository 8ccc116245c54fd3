-- Static groups built from a file of values (issue #7): machine names, IPs, MACs, OS names or software names, one per
-- line. Each line's result is kept for the report; the group and its report are written in one transaction.
create table machine_group_import (
    id            bigint generated always as identity primary key,
    -- Null once the group is deleted; the report stays.
    group_id      bigint      references machine_group (id) on delete set null,
    group_name    text        not null,
    kind          text        not null check (kind in ('NAME', 'IP', 'MAC', 'OS', 'SOFTWARE')),
    file_name     text        not null,
    machines      integer     not null,
    requested_by  text        not null,
    requested_at  timestamptz not null default now()
);

create table machine_group_import_row (
    import_id  bigint  not null references machine_group_import (id) on delete cascade,
    line       integer not null,
    value      text    not null,
    outcome    text    not null check (outcome in ('MATCHED', 'NO_MATCH', 'AMBIGUOUS', 'INVALID')),
    machines   integer not null default 0,
    reason     text,
    primary key (import_id, line)
);
