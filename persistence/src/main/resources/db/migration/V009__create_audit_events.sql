-- The audit trail of a firm: one row per successful change, written in the change's transaction.
-- Append-only: the application role may read and insert, never update or delete.
-- Tenant-owned: row-level security enabled and forced, keyed by (tenant_id, id).
create table audit_events (
    tenant_id   uuid        not null references tenants (id),
    id          uuid        not null,
    actor       text        not null,
    action      text        not null,
    entity_type text        not null,
    entity_id   uuid        not null,
    before      jsonb,
    after       jsonb,
    occurred_at timestamptz not null,
    request_id  text,
    primary key (tenant_id, id)
);

-- Lists are newest first, the id breaking ties; per object for the history of one entity.
create index audit_events_by_time on audit_events (tenant_id, occurred_at desc, id desc);
create index audit_events_by_entity on audit_events (tenant_id, entity_type, entity_id, occurred_at desc);

alter table audit_events enable row level security;
alter table audit_events force row level security;
create policy audit_events_tenant_isolation on audit_events
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());

grant select, insert on audit_events to ${app_role};
