-- A run the engine finishes (one process per machine) outlives a restart of Parc: it is not ended FAILED at start-up.
alter table schedule_run add column handed_over boolean not null default false;

-- The machines of a periodic agentless inventory run: PENDING until a place within the schedule's concurrency frees,
-- RUNNING while their process works, then DONE or FAILED.
create table schedule_run_machine (
    run_id              bigint      not null references schedule_run (id) on delete cascade,
    machine_id          bigint      not null references machine (id) on delete cascade,
    state               text        not null check (state in ('PENDING', 'RUNNING', 'DONE', 'FAILED')),
    process_instance_id text,
    error               text,
    finished_at         timestamptz,
    primary key (run_id, machine_id)
);

create index schedule_run_machine_waiting on schedule_run_machine (run_id) where state = 'PENDING';
create index schedule_run_machine_busy on schedule_run_machine (machine_id) where state in ('PENDING', 'RUNNING');
