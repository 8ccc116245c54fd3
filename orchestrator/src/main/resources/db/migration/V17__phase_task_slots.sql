-- A machine holds one of its deployment's slots (the cap on machines worked at once) until this instant: the lock
-- of the phase task a worker took for it. A worker or node that dies lets the slot go when its lock expires, the
-- moment another worker may take the task, so nothing is left to clean up. Phases of processes started by an older
-- Parc hold theirs until released ('infinity').
alter table deployment_target add column slot_until timestamptz;
update deployment_target set slot_until = 'infinity' where holds_slot;
drop index deployment_target_slot_idx;
alter table deployment_target drop column holds_slot;
create index deployment_target_slot_idx on deployment_target (deployment_id) where slot_until is not null;

-- The deployments whose machines still have work ahead: what the phase task workers look at a few times a second.
create index deployment_target_unfinished_idx on deployment_target (deployment_id)
    where state not in ('DONE', 'FAILED', 'STOPPED');
