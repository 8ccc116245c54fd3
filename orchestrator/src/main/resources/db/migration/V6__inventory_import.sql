-- The outcome of each offline inventory file (issue #4): uploaded in the console or dropped in the watched folder.
create table inventory_import (
    id           bigint generated always as identity primary key,
    channel      text        not null check (channel in ('UPLOAD', 'FOLDER', 'API')),
    file_name    text        not null,
    status       text        not null check (status in ('IMPORTED', 'UPDATED', 'UNCHANGED', 'REJECTED')),
    machine_id   bigint      references machine (id) on delete set null,
    reason       text,
    imported_by  text,
    imported_at  timestamptz not null default now()
);
create index inventory_import_date_idx on inventory_import (imported_at desc, id desc);
