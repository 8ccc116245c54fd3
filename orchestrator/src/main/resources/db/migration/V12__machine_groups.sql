-- Groups of machines (issue #7), after Pulse 2: static (chosen machines) or dynamic (numbered criteria combined by a
-- boolean expression). A dynamic group in QUERY mode is recomputed on every read; in RESULT mode it keeps the
-- membership it had when it was switched, in machine_group_member like a static group's.
create table machine_group (
    id          bigint generated always as identity primary key,
    name        text        not null check (length(name) between 1 and 100),
    type        text        not null check (type in ('STATIC', 'DYNAMIC')),
    mode        text        check (mode in ('QUERY', 'RESULT')),
    -- As the administrator typed it; null = AND of all criteria.
    expression  text        check (length(expression) <= 1000),
    -- Shown as a shortcut in the console's navigation, for those who see the group.
    visible     boolean     not null default false,
    -- Accounts are disabled, never deleted, so the owner always exists.
    owner       text        not null references user_account (username) on update cascade,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     integer     not null default 0,
    constraint machine_group_mode_of_dynamic check ((type = 'DYNAMIC') = (mode is not null))
);
create unique index machine_group_owner_name_key on machine_group (owner, lower(name));

create table machine_group_criterion (
    group_id      bigint  not null references machine_group (id) on delete cascade,
    -- Numbered from 1 in list order, as the expression names them.
    number        integer not null check (number between 1 and 50),
    field         text    not null,
    operator      text    not null check (operator in ('EQUALS', 'NOT_EQUALS', 'CONTAINS', 'LESS', 'GREATER',
                              'BETWEEN')),
    value         text    not null default '',
    second_value  text    not null default '',
    primary key (group_id, number)
);

-- The members of a static group, or of a dynamic group in RESULT mode.
create table machine_group_member (
    group_id    bigint      not null references machine_group (id) on delete cascade,
    machine_id  bigint      not null references machine (id) on delete cascade,
    added_at    timestamptz not null default now(),
    primary key (group_id, machine_id)
);
create index machine_group_member_machine_idx on machine_group_member (machine_id);

-- Who else sees a group: an account, or every account of a role. They get the owner's rights except deletion.
create table machine_group_share (
    group_id      bigint not null references machine_group (id) on delete cascade,
    grantee_type  text   not null check (grantee_type in ('USER', 'ROLE')),
    grantee       text   not null,
    primary key (group_id, grantee_type, grantee),
    constraint machine_group_share_role check (grantee_type = 'USER' or grantee in ('ADMIN', 'USER'))
);

-- A deployment to a group keeps the group it was launched on (the machines are resolved once, at launch).
alter table deployment add column group_id bigint references machine_group (id) on delete set null;
alter table deployment add column group_name text;
create index deployment_group_idx on deployment (group_id) where group_id is not null;
