-- The change feed (V019) numbered each row with its own firing of the deferred trigger: a tenant
-- lock, four set_config calls and an indexed update per row, about 0.13 ms each at commit, which
-- dominated the commit of a deal sync writing hundreds of changes. Now the first firing of a
-- transaction numbers all of its unnumbered rows of that tenant in one statement, in the order they
-- were written, and the firings of the rows already numbered return at once. V019's invariant and
-- its proof are unchanged: every position is still taken from the cache-1 sequence while holding the
-- tenant's commit-order lock, held to the end of the transaction; only more rows are numbered per
-- acquisition.
--
-- Why "the tenant's unnumbered rows" are exactly this transaction's own: a row is numbered before its
-- transaction commits (the trigger is deferred to the commit, or fired earlier under
-- SET CONSTRAINTS ... IMMEDIATE), so no committed row is ever unnumbered, and other transactions'
-- uncommitted rows are invisible.
--
-- The order in which a transaction wrote its changes: write_order, from a sequence. A session's
-- nextval values increase (its cache hands out an increasing block), so within one transaction
-- write_order increases with every row written. Rows written before this migration have none; they
-- are all numbered already.
create sequence changes_write_order_seq as bigint cache 100;

-- no default on the add, so existing rows are not rewritten; new rows get one
alter table changes add column write_order bigint;
alter table changes alter column write_order set default nextval('changes_write_order_seq');
alter sequence changes_write_order_seq owned by changes.write_order;
-- the writer's insert evaluates the default; write_order is not in its column grant, so it cannot set one
grant usage on sequence changes_write_order_seq to ${app_role};

-- Numbers, at commit, the row it fires for and every other unnumbered row of the tenant written by
-- this transaction, in write order, under the tenant's lock (V019). The transaction-local setting
-- diligence.changes_numbered ('<tenant>:<highest write_order numbered>') lets the firings of rows
-- already numbered return without a query: a row of the same tenant with a write_order at most that
-- was written before the numbering statement ran, so that statement numbered it. Any other row takes
-- the full path, which is always correct (it numbers what is unnumbered and checks this row). (Only
-- a superuser could insert a row with a write_order of its own choosing, below the mark, and leave
-- it unnumbered; the application role cannot set write_order.)
create or replace function changes_assign_position() returns trigger
    language plpgsql
    security definer
    set search_path = pg_catalog, public, pg_temp
as $$
declare
    numbered          text := current_setting('diligence.changes_numbered', true);
    caller_tenant     text;
    caller_fund_scope text;
    highest           bigint;
begin
    if numbered is not null and numbered <> '' and new.write_order is not null
            and split_part(numbered, ':', 1) = new.tenant_id::text
            and new.write_order <= split_part(numbered, ':', 2)::bigint then
        return null;
    end if;
    caller_tenant := current_setting('app.tenant_id', true);
    caller_fund_scope := current_setting('app.fund_scope_subject', true);
    -- the tenant's commit-order lock: 64 bits of a hash of a name of our own, so it cannot collide with
    -- other advisory locks by accident (a collision between two tenants would only serialize them)
    perform pg_advisory_xact_lock(hashtextextended('diligence.changes:' || new.tenant_id::text, 0));
    perform set_config('app.tenant_id', new.tenant_id::text, true);
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
    perform set_config('app.fund_scope_subject', coalesce(caller_fund_scope, ''), true);
    return null;
end
$$;

revoke all on function changes_assign_position() from public;
