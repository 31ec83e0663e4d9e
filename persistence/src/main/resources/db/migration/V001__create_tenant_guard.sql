-- The tenant of the current transaction. The application sets it at the start of every transaction
-- with select set_config('app.tenant_id', '<uuid>', true), transaction-local, so a pooled connection
-- never carries a tenant into the next transaction.
--
-- Contract: raises when no tenant is set. A read or write of tenant-owned data outside a tenant
-- transaction is a bug, and must fail loudly instead of quietly returning an empty result.
create function app_current_tenant() returns uuid
    language plpgsql
    stable
    parallel safe
as $$
declare
    setting text := current_setting('app.tenant_id', true);
begin
    if setting is null or setting = '' then
        raise exception 'no tenant is set for this transaction'
            using errcode = 'insufficient_privilege',
                  hint = 'tenant-owned data is reachable only inside a transaction that set app.tenant_id';
    end if;
    return setting::uuid;
end
$$;

revoke all on function app_current_tenant() from public;
grant execute on function app_current_tenant() to ${app_role};
