-- Agentless targets (issue #5): the credentials vault, SSH host keys, status lights and on-demand collections.

-- Secrets are AES-GCM ciphertext under the master key kept in the data folder, never in the database.
create table credential (
    id          bigint generated always as identity primary key,
    name        text        not null check (length(name) between 1 and 255),
    type        text        not null check (type in ('SSH_KEY', 'PASSWORD')),
    username    text        check (username is null or length(username) <= 64),
    -- For SSH_KEY: the key type and the public key's SHA-256 fingerprint; null for passwords.
    key_type    text,
    fingerprint text,
    secret      bytea       not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create unique index credential_name_key on credential (lower(name));

-- Machines registered before the vault existed may name credentials that never existed.
update machine set credential_id = null where credential_id is not null;
alter table machine
    add constraint machine_credential_fk foreign key (credential_id) references credential (id) on delete restrict;

-- One recorded key per host and port as Parc addresses them; a different key presented later waits beside it.
create table ssh_host_key (
    host                text        not null,
    port                integer     not null check (port between 1 and 65535),
    key_type            text        not null,
    fingerprint         text        not null,
    trusted             boolean     not null,
    first_seen_at       timestamptz not null default now(),
    approved_by         text,
    approved_at         timestamptz,
    presented_key_type  text,
    presented_fingerprint text,
    presented_at        timestamptz,
    primary key (host, port)
);

-- The last probe of each machine: the status light with its age.
create table machine_probe (
    machine_id  bigint      primary key references machine (id) on delete cascade,
    light       text        not null check (light in ('GREEN', 'ORANGE', 'RED')),
    pinged      boolean     not null,
    banner      text,
    detail      text,
    duration_ms integer     not null,
    checked_at  timestamptz not null
);

-- Inventories requested from the console or the API, run in the background.
create table inventory_collection (
    id           bigint generated always as identity primary key,
    machine_id   bigint      not null references machine (id) on delete cascade,
    state        text        not null check (state in ('RUNNING', 'DONE', 'FAILED')),
    requested_by text,
    requested_at timestamptz not null,
    finished_at  timestamptz,
    error        text,
    outcome      text
);
create index inventory_collection_machine_idx on inventory_collection (machine_id, requested_at desc);
