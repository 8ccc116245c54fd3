-- Schedules: periodic work Quartz fires, and what each run did.
create table schedule (
    id                 bigserial primary key,
    name               text        not null unique,
    kind               text        not null check (kind in ('AGENTLESS_INVENTORY', 'NETWORK_SWEEP', 'HOUSEKEEPING')),
    -- One of three targets: a group of machines, some networks, or everything the kind applies to.
    target_group_id    bigint      references machine_group (id),
    target_network_ids bigint[],
    target_all         boolean     not null default false,
    cron               text,
    every_hours        integer,
    window_hours       text,
    concurrency        integer     not null,
    enabled            boolean     not null,
    created_by         text        not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    check ((cron is null) <> (every_hours is null)),
    check (num_nonnulls(target_group_id, target_network_ids) + (case when target_all then 1 else 0 end) = 1)
);

create table schedule_run (
    id           bigserial primary key,
    schedule_id  bigint      not null references schedule (id) on delete cascade,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    state        text        not null check (state in ('RUNNING', 'DONE', 'FAILED', 'SKIPPED')),
    started_by   text        not null,
    planned      integer     not null default 0,
    done         integer     not null default 0,
    failed       integer     not null default 0,
    error        text
);

create index schedule_run_by_schedule on schedule_run (schedule_id, started_at desc);
-- The guard against overlapping runs, on every node of a cluster: a second RUNNING run of one schedule cannot exist.
create unique index schedule_run_one_running on schedule_run (schedule_id) where state = 'RUNNING';
