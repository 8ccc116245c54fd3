-- Software packages in Pulse 2's model (issue #6): repositories ("package APIs") holding packages whose files
-- live in the data folder; the SHA-256 manifest is computed once, at creation, and reused by every transfer.

create table package_depot (
    id          bigint generated always as identity primary key,
    name        text        not null check (length(name) between 1 and 255),
    description text,
    is_default  boolean     not null default false,
    created_at  timestamptz not null default now()
);
create unique index package_depot_name_key on package_depot (lower(name));
create unique index package_depot_one_default on package_depot (is_default) where is_default;
insert into package_depot (name, description, is_default) values ('default', 'Packages stored by this Parc server', true);

create table software_package (
    id           bigint generated always as identity primary key,
    depot_id     bigint      not null references package_depot (id),
    label        text        not null check (length(label) between 1 and 255),
    version      text        not null check (length(version) between 1 and 64),
    description  text,
    command      text        not null check (length(command) between 1 and 4096),
    os_family    text        not null check (os_family in ('LINUX', 'WINDOWS', 'MACOS', 'OTHER')),
    needs_reboot boolean     not null default false,
    -- [{path, size, sha256}], in path order.
    manifest     jsonb       not null,
    file_count   integer     not null,
    size_bytes   bigint      not null,
    created_by   text,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create unique index software_package_label_version_key on software_package (depot_id, lower(label), lower(version));
