-- Optimistic locking of machine edits: a save based on an older version is refused instead of overwriting.
alter table machine add column version integer not null default 0;
