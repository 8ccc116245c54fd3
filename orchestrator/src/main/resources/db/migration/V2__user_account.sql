-- Parc's accounts: the one identity store for the console, the REST API and the Camunda webapps (issue #3).
create table user_account (
    username      text        primary key,
    password_hash text        not null,
    role          text        not null check (role in ('ADMIN', 'USER')),
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
