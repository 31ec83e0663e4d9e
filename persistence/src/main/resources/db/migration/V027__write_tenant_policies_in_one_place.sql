-- The standard row-level security of a tenant-owned table, written once. A migration that creates a
-- table calls
--
--     select app_isolate_tenant_rows('things');             -- every tenant-owned table
--     select app_isolate_tenant_rows('things', 'fund_id');  -- its rows also belong to a fund
--
-- instead of writing the block out again: row-level security enabled and forced (so the table's
-- owner is subject to it too), the tenant isolation policy <table>_tenant_isolation (reads and
-- writes only of app_current_tenant(), which raises when no tenant is set), and, given the column
-- that names a row's fund, the restrictive policy <table>_fund_scope (a fund-scoped transaction sees
-- only rows of funds granted to its subject, as V011 wrote it for holdings). Rows reached through
-- another table (an assessment's findings) still write their own restrictive policy. Grants stay in
-- the migration, which knows what the application may do with the table. SchemaCatalogIT fails for a
-- table that has neither this nor an equivalent block.
create function app_isolate_tenant_rows(target regclass, fund_column text default null) returns void
    language plpgsql
as $$
declare
    table_name text := (select c.relname from pg_class c where c.oid = target);
begin
    execute format('alter table %s enable row level security', target);
    execute format('alter table %s force row level security', target);
    execute format('create policy %I on %s using (tenant_id = app_current_tenant())'
                       ' with check (tenant_id = app_current_tenant())',
                   table_name || '_tenant_isolation', target);
    if fund_column is not null then
        execute format('create policy %I on %s as restrictive using (app_fund_scope_subject() is null'
                           ' or exists (select 1 from fund_grants g where g.tenant_id = %s.tenant_id'
                           ' and g.fund_id = %s.%I and g.subject = app_fund_scope_subject()))',
                       table_name || '_fund_scope', target, table_name, table_name, fund_column);
    end if;
end
$$;

-- Only migrations call it; the application role may not.
revoke all on function app_isolate_tenant_rows(regclass, text) from public;
