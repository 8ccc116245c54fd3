-- Process designers: a role that may deploy processes, and the record of every process version Parc runs.
alter table user_account drop constraint user_account_role_check;
alter table user_account add constraint user_account_role_check check (role in ('ADMIN', 'USER', 'DESIGNER'));

alter table machine_group_share drop constraint machine_group_share_role;
alter table machine_group_share add constraint machine_group_share_role
    check (grantee_type = 'USER' or grantee in ('ADMIN', 'USER', 'DESIGNER'));

-- One row per process definition the engine deployed after this migration: where it came from and who sent it. The
-- engine's own tables hold the BPMN; this says what Camunda does not keep (the person, the console or folder, and the
-- version a roll-back copied).
create table process_version (
    definition_id  text        primary key,
    process_key    text        not null,
    version        integer     not null,
    deployment_id  text        not null,
    origin         text        not null check (origin in ('SHIPPED', 'ENGINE_REST', 'CONSOLE', 'FOLDER', 'ROLLBACK')),
    deployed_by    text,
    deployed_at    timestamptz not null default now(),
    copied_from    integer,
    unique (process_key, version)
);

-- Which version of its process (deploy-package) each machine of a deployment runs, for the deployment page.
alter table deployment_target add column process_definition_id text;
alter table deployment_target add column process_key text;
alter table deployment_target add column process_version integer;

-- A machine whose process waits at a user task a designer added (an approval).
alter table deployment_target drop constraint deployment_target_state_check;
alter table deployment_target add constraint deployment_target_state_check
    check (state in ('SCHEDULED', 'WOL_IN_PROGRESS', 'SENDING', 'EXECUTING', 'DELETING', 'INVENTORY_IN_PROGRESS',
                     'SHUTTING_DOWN', 'DONE', 'FAILED', 'RESCHEDULED', 'STOPPED', 'PAUSED', 'WAITING_FOR_AGENT',
                     'NOTIFIED', 'WAITING_FOR_APPROVAL'));
