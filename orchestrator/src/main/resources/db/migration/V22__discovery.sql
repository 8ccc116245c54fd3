-- Discovery: what sweeps of networks, scans of one address and OCS agents' IPDISCOVER found.
create table device_type (
    id         bigserial primary key,
    name       text        not null unique check (length(name) between 1 and 100),
    created_by text        not null,
    created_at timestamptz not null
);

create table device (
    id                 bigserial primary key,
    network_id         bigint      references network (id) on delete cascade,
    address            text        not null,
    mac                text,
    host_name          text,
    device_class       text        not null check (device_class in ('WINDOWS', 'LINUX_UNIX', 'NETWORK_DEVICE_OR_PRINTER', 'UNKNOWN')),
    open_ports         integer[]   not null default '{}',
    ssh_banner         text,
    state              text        not null check (state in ('UNKNOWN', 'IDENTIFIED', 'MACHINE', 'ABSENT')),
    -- What the device was before it went ABSENT, given back when it answers again.
    state_before_absent text,
    device_type_id     bigint      references device_type (id),
    description        text,
    machine_id         bigint      references machine (id) on delete set null,
    source             text        not null check (source in ('SWEEP', 'SCAN', 'IPDISCOVER')),
    -- The OCS agent (DEVICEID) that reported it, for IPDISCOVER.
    reported_by        text,
    first_seen         timestamptz not null,
    last_seen          timestamptz not null,
    missed_sweeps      integer     not null default 0,
    identified_by      text,
    identified_at      timestamptz
);
create unique index device_by_address on device (coalesce(network_id, 0), address);
create index device_by_network_state on device (network_id, state);
create index device_by_mac on device (mac);

create table sweep (
    id             bigserial primary key,
    network_id     bigint      not null references network (id) on delete cascade,
    state          text        not null check (state in ('RUNNING', 'DONE', 'FAILED', 'STOPPED')),
    started_by     text        not null,
    started_at     timestamptz not null,
    finished_at    timestamptz,
    planned        integer     not null,
    probed         integer     not null default 0,
    found          integer     not null default 0,
    stop_requested boolean     not null default false,
    error          text
);
create index sweep_by_network on sweep (network_id, started_at desc);
-- Two sweeps of one network never run at once, on any node.
create unique index sweep_one_running on sweep (network_id) where state = 'RUNNING';

-- OCS agents elected to scan their subnet (IPDISCOVER): a few per network, each agent on one network at most.
create table ipdiscover_election (
    network_id   bigint      not null references network (id) on delete cascade,
    machine_id   bigint      not null unique references machine (id) on delete cascade,
    device_id    text        not null,
    elected_at   timestamptz not null,
    last_scan_at timestamptz,
    primary key (network_id, machine_id)
);
