-- Deployments (issue #6): a package carried to machines, one row per machine with its state, its phases and its log.
-- The BPMN processes that move these states come next; the tables are what the console and the API read.

create table deployment (
    id            bigint generated always as identity primary key,
    -- Restrict: a package cannot be deleted while a deployment refers to it.
    package_id    bigint      not null references software_package (id) on delete restrict,
    label         text        not null,
    options       jsonb       not null,
    requested_by  text        not null,
    requested_at  timestamptz not null,
    -- Pause takes effect at the end of the current phase of each machine.
    pause_requested boolean   not null default false,
    stopped_at    timestamptz
);
create index deployment_time_idx on deployment (requested_at desc);

create table deployment_target (
    deployment_id       bigint      not null references deployment (id) on delete cascade,
    machine_id          bigint      references machine (id) on delete set null,
    machine_name        text        not null,
    state               text        not null check (state in ('SCHEDULED', 'WOL_IN_PROGRESS', 'SENDING', 'EXECUTING',
                            'DELETING', 'INVENTORY_IN_PROGRESS', 'SHUTTING_DOWN', 'DONE', 'FAILED', 'RESCHEDULED',
                            'STOPPED', 'PAUSED')),
    -- {WOL: NOT_STARTED|RUNNING|DONE|FAILED, TRANSFER: ..., ...}
    phases              jsonb       not null,
    failed_phase        text,
    next_attempt_at     timestamptz,
    reschedule_reason   text        check (reschedule_reason in ('OUTSIDE_WINDOW', 'UNREACHABLE', 'PHASE_FAILED')),
    detail              text,
    process_instance_id text,
    updated_at          timestamptz not null,
    primary key (deployment_id, machine_name)
);
create index deployment_target_machine_idx on deployment_target (machine_id);

create table deployment_log (
    id            bigint generated always as identity primary key,
    deployment_id bigint      not null references deployment (id) on delete cascade,
    machine_name  text        not null,
    at            timestamptz not null,
    phase         text,
    kind          text        not null check (kind in ('COMMAND', 'OUT', 'ERR', 'INFO', 'ERROR')),
    text          text        not null
);
create index deployment_log_target_idx on deployment_log (deployment_id, machine_name, id);
