-- Funds of a firm. Tenant-owned: row-level security enabled and forced, keyed by (tenant_id, id)
-- so the table can later be distributed by tenant_id.
create table funds (
    tenant_id    uuid        not null references tenants (id),
    id           uuid        not null,
    name         text        not null check (length(name) between 1 and 200),
    vintage_year integer     not null check (vintage_year between 1950 and 2200),
    strategy     text        not null,
    currency     text        not null check (currency ~ '^[A-Z]{3}$'),
    target_size  numeric(17, 2) check (target_size >= 0),
    status       text        not null check (status in ('ACTIVE', 'ARCHIVED')),
    version      bigint      not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    primary key (tenant_id, id)
);

-- Fund names are unique inside a firm, ignoring case.
create unique index funds_name_unique on funds (tenant_id, lower(name));
-- Keyset pagination: one index per ordering, the id breaking ties.
create index funds_by_name on funds (tenant_id, name, id);
create index funds_by_created_at on funds (tenant_id, created_at, id);
create index funds_by_updated_at on funds (tenant_id, updated_at, id);

alter table funds enable row level security;
alter table funds force row level security;
create policy funds_tenant_isolation on funds
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());

grant select, insert, update on funds to ${app_role};
