-- The fund scope fails closed (issue 16). Until now one setting carried it: app.fund_scope_subject,
-- '' for a tenant-wide transaction and the token subject for a fund-scoped one (V011). A fund-scoped
-- caller whose subject was empty therefore read as tenant-wide, and so did a transaction that never
-- set the scope at all: the database could not tell "not fund-scoped" from "fund-scoped, no subject".
--
-- Now a second transaction-local setting says which it is, set in the same set_config statement as
-- the tenant at the start of every transaction of the application:
--   app.fund_scoped = 'false'   tenant-wide: the restrictive fund-scope policies pass every row;
--   app.fund_scoped = 'true'    narrowed to the funds granted to app.fund_scope_subject.
-- Semantics of app_fund_scope_subject(), replacing V011's: NULL (= not fund-scoped) exactly when
-- app.fund_scoped is 'false'; otherwise the subject, or '' when it is missing or empty. Any other
-- value of app.fund_scoped, or none, counts as fund-scoped. A '' (or blank) subject matches no grant
-- (see the check below), so such a transaction sees no row of funds, holdings, companies, their
-- references, assessments and their parts, findings, and, through the policies that require
-- app_fund_scope_subject() is null, no sync row and no change. The policies of V011, V014, V015,
-- V017, V018 and V019 stay as they are: they read the scope only through this function.
--
-- Still one plain SQL expression, stable and parallel safe, so the planner can inline it into the
-- policies as before: two current_setting calls instead of one, no table read.
create or replace function app_fund_scope_subject() returns text
    language sql
    stable
    parallel safe
as $$
    select case when current_setting('app.fund_scoped', true) = 'false' then null
                else coalesce(current_setting('app.fund_scope_subject', true), '') end
$$;

-- No grant names a blank subject, so a fund-scoped transaction with a blank subject matches none.
-- (V010 required 1 to 255 characters, which let ' ' through.)
alter table fund_grants add constraint fund_grants_subject_not_blank check (subject ~ '[^[:space:]]');

-- changes_assign_position() of V020, unchanged but for the fund scope: for its one update it makes
-- the transaction tenant-wide (app.fund_scoped 'false', which it must now say explicitly, or its own
-- update would see no change under the restrictive changes_fund_scope policy) and restores both
-- settings of the caller afterwards, as it restores the tenant.
create or replace function changes_assign_position() returns trigger
    language plpgsql
    security definer
    set search_path = pg_catalog, public, pg_temp
as $$
declare
    numbered           text := current_setting('diligence.changes_numbered', true);
    caller_tenant      text;
    caller_fund_scoped text;
    caller_fund_scope  text;
    highest            bigint;
begin
    if numbered is not null and numbered <> '' and new.write_order is not null
            and split_part(numbered, ':', 1) = new.tenant_id::text
            and new.write_order <= split_part(numbered, ':', 2)::bigint then
        return null;
    end if;
    caller_tenant := current_setting('app.tenant_id', true);
    caller_fund_scoped := current_setting('app.fund_scoped', true);
    caller_fund_scope := current_setting('app.fund_scope_subject', true);
    -- the tenant's commit-order lock: 64 bits of a hash of a name of our own, so it cannot collide with
    -- other advisory locks by accident (a collision between two tenants would only serialize them)
    perform pg_advisory_xact_lock(hashtextextended('diligence.changes:' || new.tenant_id::text, 0));
    perform set_config('app.tenant_id', new.tenant_id::text, true);
    perform set_config('app.fund_scoped', 'false', true);
    perform set_config('app.fund_scope_subject', '', true);
    -- materialized in write order, so nextval is called in that order
    with pending as materialized (
        select id from public.changes
        where tenant_id = new.tenant_id and position is null
        order by write_order, occurred_at, id
    ), numbered_rows as materialized (
        select id, nextval('public.changes_position_seq') as position from pending
    ), updated as (
        update public.changes c set position = numbered_rows.position
        from numbered_rows
        where c.tenant_id = new.tenant_id and c.id = numbered_rows.id
        returning c.write_order
    )
    select max(write_order) into highest from updated;
    perform 1 from public.changes where tenant_id = new.tenant_id and id = new.id and position is not null;
    if not found then
        raise exception 'change % of tenant % has no row to number at commit', new.id, new.tenant_id;
    end if;
    if highest is not null then
        perform set_config('diligence.changes_numbered', new.tenant_id::text || ':' || highest::text, true);
    end if;
    perform set_config('app.tenant_id', coalesce(caller_tenant, ''), true);
    -- a caller without the setting gets '' back, which counts as fund-scoped, as having none did
    perform set_config('app.fund_scoped', coalesce(caller_fund_scoped, ''), true);
    perform set_config('app.fund_scope_subject', coalesce(caller_fund_scope, ''), true);
    return null;
end
$$;

revoke all on function changes_assign_position() from public;
