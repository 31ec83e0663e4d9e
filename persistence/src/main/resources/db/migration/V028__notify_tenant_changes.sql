-- Every API replica caches a token's tenant key -> tenant for diligence.security.tenant-cache-ttl
-- (TenantDirectory). A firm archived (or created, or removed) through one replica must be forgotten by
-- the others too, within milliseconds rather than the TTL: each replica LISTENs on the channel
-- diligence_tenant_changed (TenantChangeListener) and evicts the key it is told.
--
-- Contract: every inserted, updated or deleted row of tenants sends one notification on
-- diligence_tenant_changed whose payload is the row's key, exactly as tokens carry it and the cache is
-- keyed. PostgreSQL delivers notifications only when the writing transaction commits (none on
-- rollback), so a listener never evicts before the change is visible and reloads the committed row.
-- Identical notifications of one transaction are delivered once. Whatever writes the row (the
-- application, demo data, an operator's plain SQL) notifies: the trigger does not trust the writer.
-- A listener that was disconnected may have missed notifications; it forgets its whole cache when it
-- reconnects (the TTL bounds the staleness meanwhile).
create function tenants_notify_change() returns trigger
    language plpgsql
    set search_path = pg_catalog, public, pg_temp
as $$
begin
    perform pg_notify('diligence_tenant_changed', case tg_op when 'DELETE' then old.key else new.key end);
    return null;
end
$$;

-- A trigger function can only run as a trigger; nobody needs to call it.
revoke all on function tenants_notify_change() from public;

create trigger tenants_notify_change
    after insert or update or delete on tenants
    for each row execute function tenants_notify_change();
