-- Networks: declared by an admin or learned from the address and mask of machines' network cards.
create table network (
    id          bigserial primary key,
    name        text        not null check (length(name) between 1 and 200),
    -- Canonical prefix block, as the ipaddress library writes it: 198.51.100.0/24, 2001:db8::/120.
    cidr        text        not null unique,
    ip_version  smallint    not null check (ip_version in (4, 6)),
    prefix      smallint    not null,
    description text,
    site        text,
    source      text        not null check (source in ('LEARNED', 'ADMIN')),
    -- An ignored network is kept (it would be learned again) but not listed by default nor swept.
    ignored     boolean     not null default false,
    created_by  text,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

-- Which machines' inventories put them on which network, with the address they had there.
create table network_machine (
    network_id bigint      not null references network (id) on delete cascade,
    machine_id bigint      not null references machine (id) on delete cascade,
    address    text        not null,
    learned_at timestamptz not null,
    primary key (network_id, machine_id, address)
);
create index network_machine_by_machine on network_machine (machine_id);
