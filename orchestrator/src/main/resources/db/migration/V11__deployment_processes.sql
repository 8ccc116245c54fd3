-- Deployments run as processes (issue #6).

-- The top process instance of a deployment, for the Cockpit link and for stop.
alter table deployment add column process_instance_id text;

-- A bundle is a deployment without a package whose children (one per package) carry an order level; a child's
-- machines are the bundle's. Machines worked at once are counted over the bundle and its children together.
alter table deployment alter column package_id drop not null;
alter table deployment add column parent_id bigint references deployment (id) on delete cascade;
alter table deployment add column bundle_level int check (bundle_level between 1 and 100);
alter table deployment add column stopped_by text;
create index deployment_parent_idx on deployment (parent_id) where parent_id is not null;
-- A child always has a package and a level; a top deployment has neither a parent nor a level.
alter table deployment add constraint deployment_bundle_shape
    check ((parent_id is null) = (bundle_level is null) and (parent_id is null or package_id is not null));

-- Whether the machine's current phase attempt holds one of the deployment's slots (the cap on machines in network
-- phases at once). Set and counted under a lock on the top deployment's row.
alter table deployment_target add column holds_slot boolean not null default false;
create index deployment_target_slot_idx on deployment_target (deployment_id) where holds_slot;

-- Whether a FAILED machine's last attempt could not reach it: the report's "unreachable" share.
alter table deployment_target add column unreachable boolean not null default false;
