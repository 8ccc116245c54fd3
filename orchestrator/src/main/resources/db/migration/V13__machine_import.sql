-- CSV imports of machines (issue #7). A file is read into machine_import_row (one row per CSV line, checked one by
-- one), then checked as a whole in SQL (duplicate names, credentials, existing machines) and applied in one
-- transaction: Java never holds more than a batch of rows, whatever the file's size.
create table machine_import (
    id            bigint generated always as identity primary key,
    file_name     text        not null,
    source        text        not null check (source in ('UPLOAD', 'FOLDER')),
    mode          text        not null check (mode in ('GOOD_ROWS', 'ALL_OR_NOTHING')),
    charset       text        not null default 'UTF-8',
    -- One target per CSV column: name, address, macAddresses, ... admin.<key>, or ignore.
    mapping       jsonb       not null,
    stored_path   text,
    state         text        not null check (state in ('PENDING', 'READING', 'CHECKING', 'APPLYING', 'DONE',
                                  'FAILED')),
    rows_read     integer     not null default 0,
    created       integer     not null default 0,
    updated       integer     not null default 0,
    unchanged     integer     not null default 0,
    errors        integer     not null default 0,
    -- Why nothing was applied: the file could not be read, or errors in ALL_OR_NOTHING mode.
    failure       text,
    requested_by  text        not null,
    requested_at  timestamptz not null default now(),
    finished_at   timestamptz
);
create index machine_import_time_idx on machine_import (requested_at desc);

create table machine_import_row (
    import_id       bigint  not null references machine_import (id) on delete cascade,
    line            integer not null,
    name            text,
    address         text,
    mac_addresses   text[],
    os_family       text,
    channel         text,
    ssh_port        integer,
    ssh_user        text,
    credential_name text,
    credential_id   bigint,
    tags            text[],
    notes           text,
    tag             text,
    admin_fields    jsonb   not null default '{}',
    error           text,
    outcome         text    check (outcome in ('CREATED', 'UPDATED', 'UNCHANGED', 'ERROR', 'NOT_APPLIED')),
    machine_id      bigint,
    primary key (import_id, line)
);
create index machine_import_row_name_idx on machine_import_row (import_id, lower(name));
