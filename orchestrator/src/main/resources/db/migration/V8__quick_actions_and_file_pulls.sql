-- Quick actions and file pulls on agentless machines (issue #5).

create table quick_action_run (
    id           bigint generated always as identity primary key,
    -- The predefined action's id, or null for a free command.
    action_id    text,
    label        text        not null,
    unix_script  text,
    windows_script text,
    arguments    text[]      not null default '{}',
    requested_by text        not null,
    requested_at timestamptz not null
);
create index quick_action_run_time_idx on quick_action_run (requested_at desc);

create table quick_action_result (
    run_id        bigint      not null references quick_action_run (id) on delete cascade,
    machine_id    bigint      references machine (id) on delete set null,
    machine_name  text        not null,
    state         text        not null check (state in ('RUNNING', 'DONE', 'FAILED')),
    exit_code     integer,
    timed_out     boolean     not null default false,
    -- [{at, stream: OUT|ERR, text}], capped head and tail.
    output        jsonb       not null default '[]',
    dropped_lines bigint      not null default 0,
    started_at    timestamptz not null,
    finished_at   timestamptz,
    error         text,
    primary key (run_id, machine_name)
);

-- Each machine's folder for diagnostic files, when not the default.
create table file_pull_folder (
    machine_id bigint primary key references machine (id) on delete cascade,
    folder     text   not null check (length(folder) between 1 and 1024)
);

create table file_pull (
    id           bigint generated always as identity primary key,
    machine_id   bigint      references machine (id) on delete set null,
    machine_name text        not null,
    folder       text        not null,
    state        text        not null check (state in ('IN_PROGRESS', 'READY', 'FAILED', 'CANCELLED')),
    file_name    text,
    size_bytes   bigint,
    remote_modified_at timestamptz,
    requested_by text        not null,
    requested_at timestamptz not null,
    finished_at  timestamptz,
    error        text
);
create index file_pull_time_idx on file_pull (requested_at desc);
