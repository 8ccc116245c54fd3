-- Inventories kept by section. Most inventories of a known machine repeat the previous one but for its uptime: the
-- agent says which sections changed (HARDWARE/CHECKSUM) and Parc compares each section with what it holds, so a
-- section that did not change keeps its stored copy, its searchable rows and its history. Each kept inventory is the
-- set of its sections, shared with the inventories before it where nothing changed.
create sequence inventory_section_id;

create table inventory_section (
    id           bigint primary key default nextval('inventory_section_id'),
    machine_id   bigint not null references machine (id) on delete cascade,
    -- the document's name for it: hardware, software, localUsers, otherSections/slots...
    name         text   not null,
    -- SHA-256 of the section's JSON: equal fingerprints, same content
    fingerprint  text   not null,
    -- the section's JSON, deflated by Parc: already compressed, so PostgreSQL must not try again
    content      bytea  not null
);
alter table inventory_section alter column content set storage external;
create index inventory_section_machine_idx on inventory_section (machine_id);

-- A kept inventory is either a whole JSONB document (stored before this change, read as such until pruned) or a map
-- of section names to inventory_section ids.
alter table inventory_snapshot alter column document drop not null;
alter table inventory_snapshot add column sections jsonb;
alter table inventory_snapshot add constraint inventory_snapshot_content_check
    check (document is not null or sections is not null);
