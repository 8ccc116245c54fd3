-- Teledeployment: packages delivered through the OCS agent (protocol §2.4, §4). One package catalogue for both
-- channels: a package's agent settings, the builds agents download, the offers of each machine's deployment, and the
-- package history each agent reports.

-- {action, launch, storePath, priority, notify..., fragmentSizeKb}; null = the defaults (EXECUTE, priority 5).
alter table software_package add column agent_settings jsonb;

-- What agents download for a package: info + fragments under <data>/agent-packages/<ocs_id>/. Agents cache info by
-- id, so anything the info file says (settings, command line with the deployment's parameters, files) makes a new
-- build with a new id; the fingerprint finds an existing one.
create table agent_package_build (
    ocs_id        bigint      primary key check (ocs_id > 0),
    package_id    bigint      not null references software_package (id) on delete cascade,
    fingerprint   text        not null,
    state         text        not null check (state in ('BUILDING', 'READY', 'FAILED')),
    fragments     integer,
    digest        text,
    archive_bytes bigint,
    detail        text,
    created_at    timestamptz not null,
    built_at      timestamptz
);
create unique index agent_package_build_fingerprint_key on agent_package_build (package_id, fingerprint);
-- OCS ids: all digits, never reused. Started at the Unix time of this migration, as ocsreports numbers packages, so
-- that a Parc installed again later does not hand out ids its agents already hold in their history.
create sequence agent_package_ocs_id;
select setval('agent_package_ocs_id', extract(epoch from now())::bigint);

-- One machine of a deployment delivered through its agent: offered in PROLOG while WAITING_FOR_AGENT or NOTIFIED,
-- final once REPORTED (the agent's code in result) or WITHDRAWN.
create table agent_offer (
    deployment_id bigint      not null,
    machine_name  text        not null,
    machine_id    bigint      not null references machine (id) on delete cascade,
    ocs_id        bigint      not null references agent_package_build (ocs_id),
    run_id        text        not null unique,
    state         text        not null check (state in ('WAITING_FOR_AGENT', 'NOTIFIED', 'REPORTED', 'WITHDRAWN')),
    force         boolean     not null default false,
    result        text,
    offered_at    timestamptz not null,
    notified_at   timestamptz,
    reported_at   timestamptz,
    -- "Validate successes" (ocsreports' statistics): a success the admin has seen leaves the statistics.
    validated     boolean     not null default false,
    primary key (deployment_id, machine_name),
    foreign key (deployment_id, machine_name) references deployment_target (deployment_id, machine_name)
        on delete cascade
);
create index agent_offer_machine_idx on agent_offer (machine_id) where state in ('WAITING_FOR_AGENT', 'NOTIFIED');
create index agent_offer_package_idx on agent_offer (ocs_id);

-- The package ids each agent last reported as installed (inventory DOWNLOAD/HISTORY): never offered again unforced.
create table agent_package_history (
    machine_id  bigint not null references machine (id) on delete cascade,
    ocs_id      bigint not null,
    primary key (machine_id, ocs_id)
);

alter table deployment_target drop constraint deployment_target_state_check;
alter table deployment_target add constraint deployment_target_state_check
    check (state in ('SCHEDULED', 'WOL_IN_PROGRESS', 'SENDING', 'EXECUTING', 'DELETING', 'INVENTORY_IN_PROGRESS',
                     'SHUTTING_DOWN', 'DONE', 'FAILED', 'RESCHEDULED', 'STOPPED', 'PAUSED', 'WAITING_FOR_AGENT',
                     'NOTIFIED'));
-- The agent's last code for the machine (SUCCESS, SUCCESS_3, ERR_BAD_DIGEST...), as sent.
alter table deployment_target add column agent_result text;

-- Which offer an agent report answered, when it answered one; an unasked report is kept as an audit line only.
alter table agent_download_report add column deployment_id bigint;

-- Mirrors (OCS "activation" with other locations, one per site): where agents of a network fetch a package instead
-- of the built-in server. Usable only once Parc fetched the info file and every fragment of each build from it.
create table agent_mirror (
    id                 bigint generated always as identity primary key,
    package_id         bigint      not null references software_package (id) on delete cascade,
    info_location      text        not null check (length(info_location) between 1 and 255),
    fragments_location text        not null check (length(fragments_location) between 1 and 255),
    -- The machines it serves: an address or CIDR block, or machines with a tag.
    network            text,
    tag                text,
    usable             boolean     not null default false,
    problem            text,
    checked_at         timestamptz,
    created_at         timestamptz not null,
    check (network is not null or tag is not null)
);
create index agent_mirror_package_idx on agent_mirror (package_id);

-- Which builds a mirror was found to hold, byte for byte.
create table agent_mirror_build (
    mirror_id  bigint not null references agent_mirror (id) on delete cascade,
    ocs_id     bigint not null references agent_package_build (ocs_id) on delete cascade,
    primary key (mirror_id, ocs_id)
);

-- Inventory after a delivery through the agent: the phase waits for the agent's next inventory (which the PROLOG
-- then asks for), one row per attempt.
create table agent_inventory_wait (
    run_id        text        primary key,
    machine_id    bigint      not null references machine (id) on delete cascade,
    deployment_id bigint      not null,
    machine_name  text        not null,
    since         timestamptz not null
);
create index agent_inventory_wait_machine_idx on agent_inventory_wait (machine_id);
