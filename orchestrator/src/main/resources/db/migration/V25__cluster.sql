-- Several Parc nodes on one database.

-- Every node's row: written at its start, its heartbeat refreshed every few seconds with the database's clock (so
-- the nodes' own clocks never decide who is alive), with how much work it did in the last minute.
create table cluster_node (
    name                 text primary key,
    incarnation          uuid not null,
    address              text not null,
    version              text not null,
    started_at           timestamptz not null,
    last_heartbeat       timestamptz not null,
    engine_jobs_minute   integer not null default 0,
    phase_tasks_minute   integer not null default 0,
    schedule_jobs_minute integer not null default 0,
    -- A clean stop: the node is not missing, and its work was finished or handed back.
    stopped_at           timestamptz,
    -- Set once, by the first node that saw this one miss its heartbeats and took its work over.
    missing_since        timestamptz
);

-- Work that runs in a node's memory while its row says RUNNING records the node, so that a node that starts or
-- outlives another fails or resumes only the rows of a dead node, never those of a live one. Each node's connections
-- carry its name as application_name (it is also what pg_stat_activity shows), so every insert names its node
-- without each service passing it. Rows written before this version have none, as if their node were gone.
alter table quick_action_result add column run_node text;
alter table quick_action_result alter column run_node set default current_setting('application_name', true);
alter table file_pull add column run_node text;
alter table file_pull alter column run_node set default current_setting('application_name', true);
alter table inventory_collection add column run_node text;
alter table inventory_collection alter column run_node set default current_setting('application_name', true);
alter table sweep add column run_node text;
alter table sweep alter column run_node set default current_setting('application_name', true);
alter table schedule_run add column run_node text;
alter table schedule_run alter column run_node set default current_setting('application_name', true);
alter table machine_import add column run_node text;
alter table machine_import alter column run_node set default current_setting('application_name', true);

-- The worker (a node's name) holding a machine's slot, so that a task taken over after a node died says whose it was.
alter table deployment_target add column slot_worker text;

-- Consecutive wrong passwords per account name, shared by every node: a guesser gets no more tries from N nodes than
-- from one. Names are stored lower-cased; rows that lock nothing are forgotten after a while.
create table login_failure (
    username        text primary key,
    failures        integer not null,
    locked_until    timestamptz,
    last_failure_at timestamptz not null
);

-- What every node must share and cannot read from the database: a fingerprint of the vault's key (an HMAC of a fixed
-- text, which reveals nothing of the key) and of the deployment server's CA certificate. A node whose own differs
-- refuses to start rather than fail to decrypt or to be trusted later.
create table shared_secret_check (
    name        text primary key,
    fingerprint text not null,
    recorded_at timestamptz not null default now(),
    recorded_by text not null default current_setting('application_name', true)
);

-- Console sessions, so that any node behind a load balancer serves any request (Spring Session JDBC's own schema for
-- PostgreSQL, version 3.5).
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id)
        on delete cascade
);
