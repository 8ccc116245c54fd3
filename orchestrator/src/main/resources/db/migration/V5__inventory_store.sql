-- The inventory store (issue #4): the full document of each kept inventory as JSONB, and queryable tables for what
-- administrators search on, rebuilt from the latest inventory of each machine.

-- Each OCS agent is known by its DEVICEID; several DEVICEIDs may point at one machine (reinstall, rename).
create table agent_device (
    device_id          text        primary key,
    machine_id         bigint      not null references machine (id) on delete cascade,
    agent_version      text,
    -- Per-machine overrides of the server's FREQUENCY (days) and PROLOG_FREQ (hours); null = server setting.
    frequency_days     integer     check (frequency_days >= -1),
    prolog_freq_hours  integer     check (prolog_freq_hours between 1 and 8760),
    first_seen_at      timestamptz not null default now(),
    last_contact_at    timestamptz not null default now()
);
create index agent_device_machine_idx on agent_device (machine_id);

-- Every inventory kept for a machine, newest last; the number kept is a server setting.
create table inventory_snapshot (
    id             bigint generated always as identity primary key,
    machine_id     bigint      not null references machine (id) on delete cascade,
    source         text        not null check (source in ('OCS_AGENT', 'AGENTLESS_SSH', 'IMPORT')),
    device_id      text,
    agent_version  text,
    taken_at       timestamptz not null default now(),
    document_hash  text        not null,
    document       jsonb       not null
);
create index inventory_snapshot_machine_idx on inventory_snapshot (machine_id, id desc);

-- The searchable summary of each machine's latest inventory.
create table machine_inventory (
    machine_id          bigint      primary key references machine (id) on delete cascade,
    snapshot_id         bigint      not null,
    source              text        not null,
    device_id           text,
    agent_version       text,
    inventoried_at      timestamptz not null,
    last_contact_at     timestamptz not null,
    document_hash       text        not null,
    host_name           text,
    workgroup           text,
    os_name             text,
    os_version          text,
    os_comments         text,
    architecture        text,
    cpu_type            text,
    cpu_count           integer,
    cpu_speed_mhz       integer,
    memory_mb           bigint,
    swap_mb             bigint,
    ip_address          text,
    default_gateway     text,
    dns                 text,
    logged_user         text,
    system_manufacturer text,
    system_model        text,
    serial_number       text,
    uuid                text,
    bios_vendor         text,
    bios_version        text,
    bios_date           text,
    software_count      integer     not null default 0,
    disk_total_mb       numeric,
    disk_free_mb        numeric
);
create index machine_inventory_serial_idx on machine_inventory (lower(serial_number));
create index machine_inventory_uuid_idx on machine_inventory (lower(uuid));
-- Finding a known machine behind a new DEVICEID by its MACs (registry side; inventory_network has its own index).
create index machine_mac_addresses_idx on machine using gin (mac_addresses);
create index machine_inventory_os_idx on machine_inventory (lower(os_name));

create table inventory_software (
    machine_id    bigint not null,
    name          text   not null,
    publisher     text,
    version       text,
    architecture  text,
    origin        text,
    install_date  text,
    size_bytes    bigint
);
create index inventory_software_machine_idx on inventory_software (machine_id);
create index inventory_software_name_idx on inventory_software (lower(name));

create table inventory_network (
    machine_id   bigint not null,
    description  text,
    type         text,
    mac_address  text,
    ip_address   text,
    ip_mask      text,
    ip_subnet    text,
    ip_gateway   text,
    status       text,
    speed        text
);
create index inventory_network_machine_idx on inventory_network (machine_id);
-- Stored in canonical form (AA:BB:CC:DD:EE:FF), so equality uses the index.
create index inventory_network_mac_idx on inventory_network (mac_address);
create index inventory_network_ip_idx on inventory_network (ip_address);

create table inventory_drive (
    machine_id   bigint not null,
    mount_point  text,
    volume       text,
    filesystem   text,
    label        text,
    total_mb     numeric,
    free_mb      numeric
);
create index inventory_drive_machine_idx on inventory_drive (machine_id);

-- The three tables above are rewritten as a whole by every inventory (800 software rows for a Debian desktop): a
-- foreign key would cost one lookup per row, about a third of the insert. A trigger removes a deleted machine's rows.
create function delete_inventory_rows() returns trigger language plpgsql as $$
begin
    delete from inventory_software where machine_id = old.id;
    delete from inventory_network where machine_id = old.id;
    delete from inventory_drive where machine_id = old.id;
    return old;
end;
$$;
create trigger machine_inventory_rows_cleanup after delete on machine
    for each row execute function delete_inventory_rows();

-- What changed from one inventory to the next, one row per added/removed/changed item.
create table inventory_change (
    id           bigint generated always as identity primary key,
    machine_id   bigint      not null references machine (id) on delete cascade,
    snapshot_id  bigint      not null,
    changed_at   timestamptz not null,
    category     text        not null,
    kind         text        not null check (kind in ('ADDED', 'REMOVED', 'CHANGED')),
    item         text        not null,
    old_value    text,
    new_value    text
);
create index inventory_change_machine_idx on inventory_change (machine_id, changed_at desc, id desc);

-- Deployment results reported by agents (QUERY=DOWNLOAD); read by the teledeployment issue.
create table agent_download_report (
    id           bigint generated always as identity primary key,
    device_id    text        not null,
    machine_id   bigint      references machine (id) on delete cascade,
    package_id   text        not null,
    result       text        not null,
    reported_at  timestamptz not null default now()
);
create index agent_download_report_device_idx on agent_download_report (device_id, package_id);

-- The TAG and administrator-defined fields of each machine (OCS's ACCOUNTINFO).
create table admin_field (
    id          bigint generated always as identity primary key,
    key         text        not null unique check (key ~ '^[A-Za-z][A-Za-z0-9_]{0,62}$' and upper(key) <> 'TAG'),
    label       text        not null,
    type        text        not null check (type in ('TEXT', 'INTEGER', 'DECIMAL', 'DATE')),
    created_at  timestamptz not null default now()
);

create table machine_admin_data (
    machine_id  bigint      primary key references machine (id) on delete cascade,
    tag         text,
    -- admin_field.key -> value as text, already checked against the field's type
    fields      jsonb       not null default '{}',
    updated_at  timestamptz not null default now()
);
create index machine_admin_data_tag_idx on machine_admin_data (tag);

-- Server-wide settings edited in the console, one JSON document per area.
create table server_setting (
    area        text        primary key,
    value       jsonb       not null,
    updated_at  timestamptz not null default now()
);
