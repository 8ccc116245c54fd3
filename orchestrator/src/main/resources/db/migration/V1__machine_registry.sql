-- The machine registry (issue #3). Names are unique ignoring case.
create table machine (
    id            bigint generated always as identity primary key,
    name          text        not null check (length(name) between 1 and 255),
    address       text        not null,
    mac_addresses text[]      not null default '{}',
    os_family     text        not null check (os_family in ('LINUX', 'WINDOWS', 'MACOS', 'OTHER')),
    channel       text        not null check (channel in ('AGENTLESS_SSH', 'OCS_AGENT')),
    ssh_port      integer     check (ssh_port between 1 and 65535),
    ssh_user      text,
    -- The credentials vault arrives with the agentless issue; the foreign key comes with its table.
    credential_id bigint,
    tags          text[]      not null default '{}',
    notes         text,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

create unique index machine_name_key on machine (lower(name));
create index machine_tags_idx on machine using gin (tags);
