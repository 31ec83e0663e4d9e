-- Target companies of a firm. Tenant-owned: row-level security enabled and forced.
create table companies (
    tenant_id            uuid        not null references tenants (id),
    id                   uuid        not null,
    name                 text        not null check (length(name) between 1 and 200),
    website              text        check (length(website) <= 2048),
    sector               text        not null,
    headquarters_country text        not null check (headquarters_country ~ '^[A-Z]{2}$'),
    stage                text        not null check (stage in ('SEED', 'EARLY', 'GROWTH', 'LATE', 'PUBLIC')),
    employee_count       integer     check (employee_count between 0 and 10000000),
    description          text        check (length(description) <= 5000),
    archived             boolean     not null,
    version              bigint      not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    primary key (tenant_id, id)
);

-- Keyset pagination, one index per ordering; the id breaks ties.
create index companies_by_name on companies (tenant_id, name, id);
create index companies_by_created_at on companies (tenant_id, created_at, id);
create index companies_by_updated_at on companies (tenant_id, updated_at, id);

alter table companies enable row level security;
alter table companies force row level security;
create policy companies_tenant_isolation on companies
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());

grant select, insert, update on companies to ${app_role};
