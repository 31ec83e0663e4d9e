-- Deal-data sync (syncDeals): identities of funds and holdings in other systems, and the stored
-- results of idempotent sync requests. Both tables are tenant-owned like every other: tenant_id,
-- forced row-level security with the tenant policy of V001.
--
-- Identities: one object per (tenant, type, source, external id), and one external id per object and
-- source. Companies are not here: their identities are their external references (V006). A reference
-- names its object through a typed column with a composite foreign key, so it never points into
-- another tenant; removing a holding removes its reference (the next sync of that deal creates a new
-- holding). Funds are archived, never deleted.
create table sync_references (
    tenant_id   uuid        not null references tenants (id),
    entity_type text        not null check (entity_type in ('FUND', 'HOLDING')),
    source      text        not null check (source ~ '^[A-Za-z0-9._-]{1,50}$'),
    external_id text        not null check (length(external_id) between 1 and 200),
    fund_id     uuid,
    holding_id  uuid,
    created_at  timestamptz not null,
    primary key (tenant_id, entity_type, source, external_id),
    check ((entity_type = 'FUND') = (fund_id is not null)),
    check ((entity_type = 'HOLDING') = (holding_id is not null)),
    check (fund_id is null or holding_id is null),
    unique (tenant_id, fund_id, source),
    unique (tenant_id, holding_id, source),
    foreign key (tenant_id, fund_id) references funds (tenant_id, id),
    foreign key (tenant_id, holding_id) references holdings (tenant_id, id) on delete cascade
);

alter table sync_references enable row level security;
alter table sync_references force row level security;
create policy sync_references_tenant_isolation on sync_references
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());
-- Only tenant-wide callers (integration scripts, tenant admins) sync; a fund-scoped reader (V011)
-- never needs these rows and sees none of them.
create policy sync_references_fund_scope on sync_references as restrictive
    using (app_fund_scope_subject() is null);

-- References are only ever added; a removed holding takes its reference with it (the cascade runs
-- as the table owner).
grant select, insert on sync_references to ${app_role};

-- Idempotency keys: the result of each applied sync request, stored in the request's transaction, so
-- that the result and the changes commit or roll back together. Kept at least
-- diligence.sync.idempotency-retention (24 hours by default), then purged tenant by tenant.
create table sync_requests (
    tenant_id       uuid        not null references tenants (id),
    idempotency_key text        not null check (length(idempotency_key) between 1 and 255),
    source          text        not null check (source ~ '^[A-Za-z0-9._-]{1,50}$'),
    -- hex SHA-256 of the canonical payload (source and items, see SyncPayloadHash)
    payload_hash    text        not null check (payload_hash ~ '^[0-9a-f]{64}$'),
    result          jsonb       not null,
    actor           text        not null,
    created_at      timestamptz not null,
    primary key (tenant_id, idempotency_key)
);

create index sync_requests_by_age on sync_requests (tenant_id, created_at);

alter table sync_requests enable row level security;
alter table sync_requests force row level security;
create policy sync_requests_tenant_isolation on sync_requests
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());
create policy sync_requests_fund_scope on sync_requests as restrictive
    using (app_fund_scope_subject() is null);

-- Stored results are never changed; expired ones are deleted by the purge.
grant select, insert, delete on sync_requests to ${app_role};
