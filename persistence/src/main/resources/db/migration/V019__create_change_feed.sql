-- The change feed (issue 7): an outbox of every change to funds, companies, holdings, published or
-- retracted assessments and findings, written by triggers on those tables, so every write path
-- (GraphQL mutations, deal sync, demo data, plain SQL) is covered. Integration scripts page through it
-- with `position > :cursor order by position` and must never miss nor repeat a change.
--
-- Why a position assigned at commit, not at insert: a sequence value taken at insert time orders rows
-- by when they were written, but they become visible when they commit. A transaction that writes first
-- and commits last would make its row appear below a cursor a reader has already moved past, and the
-- reader would skip it for ever (architecture.md, "Pitfalls"). So rows are inserted with a null
-- position, and a deferred constraint trigger numbers them when their transaction commits.
--
-- Invariant (per tenant): in any snapshot, every position below the highest visible one that will
-- ever be visible is visible already (the visible positions are a prefix of the tenant's numbered
-- rows, up to the gaps of rollbacks), i.e. nothing can later appear below a position a reader has
-- seen. Proof sketch:
--   1. changes_assign_position() takes pg_advisory_xact_lock(<key of the tenant>) before it calls
--      nextval. A transaction-level advisory lock is held until the transaction ends, and PostgreSQL
--      releases locks only after the commit is visible to new snapshots (ProcArrayEndTransaction comes
--      before the lock release in CommitTransaction).
--   2. The sequence has cache 1, so nextval is monotonic across sessions (a session cache would hand
--      out blocks out of order).
--   3. Take rows p < q of the same tenant from transactions X and Y (X != Y). Both numbered while
--      holding the tenant's lock; had Y held it first, all of Y's values would be below X's. So X's
--      hold ended before Y acquired it: X had committed (and become visible) or rolled back before Y
--      even got q. A snapshot that sees q (Y committed) was taken after Y's commit, hence sees X's p.
--   Rolled-back transactions leave gaps in the sequence, which readers simply never see. A transaction
--   still in progress is invisible to readers, and its rows are numbered only when it commits, above
--   every position visible before. A reader whose snapshot predates a commit misses it in that read
--   only: its cursor stays below the new positions, so the next read returns them.
-- The price: commits of one tenant that wrote changes are serialized from their first numbered row to
-- the end of the commit (short: one indexed update per row; the wait counts against the COMMIT's
-- statement_timeout). Tenants do not wait for each other. A transaction writing
-- changes of several tenants (only superusers can) locks them in row order and may deadlock with
-- another such transaction; PostgreSQL then aborts one, nothing is half-numbered.
-- `SET CONSTRAINTS changes_position_at_commit IMMEDIATE` only numbers rows earlier, under the same lock
-- held to the end of the transaction, so the invariant still holds.
--
-- Tenant-owned: tenant_id, (tenant_id, id) key, forced row-level security. The application role may
-- SELECT and INSERT (without a position) and nothing else; positions are written only by the SECURITY
-- DEFINER function below, owned by the schema owner, so the application cannot renumber, delete or
-- forge the order of the feed. Rows are never updated after their position is set.
create sequence changes_position_seq as bigint cache 1;

create table changes (
    tenant_id   uuid        not null references tenants (id),
    id          uuid        not null default gen_random_uuid(),
    entity_type text        not null check (entity_type in ('FUND', 'COMPANY', 'HOLDING', 'ASSESSMENT', 'FINDING')),
    entity_id   uuid        not null,
    operation   text        not null check (operation in ('CREATED', 'UPDATED', 'REMOVED', 'PUBLISHED', 'RETRACTED')),
    -- when the change was written (clock_timestamp() of the write, not of the commit): informational;
    -- it is not monotonic in position, clients order by the feed, never by this
    occurred_at timestamptz not null,
    -- null until the writing transaction commits; then unique and in commit order per tenant
    position    bigint,
    primary key (tenant_id, id)
);

alter sequence changes_position_seq owned by changes.position;

-- The reader's query: `where tenant_id = :tenant and position > :cursor order by position limit :n`.
create unique index changes_by_position on changes (tenant_id, position);

alter table changes enable row level security;
alter table changes force row level security;
create policy changes_tenant_isolation on changes
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());
-- Defence in depth: only tenant-wide callers (tenant admins, integrations) read the feed; a
-- fund-scoped transaction (see V011) sees no changes at all, not even the ids of ungranted objects.
create policy changes_fund_scope on changes as restrictive for select
    using (app_fund_scope_subject() is null);

grant select on changes to ${app_role};
-- no position: the application cannot place a row in the feed's order
grant insert (tenant_id, id, entity_type, entity_id, operation, occurred_at) on changes to ${app_role};

-- Numbers one row of the feed, at commit (see the invariant above). SECURITY DEFINER, owned by the
-- schema owner, with a fixed search_path, so the application role needs no UPDATE on changes and no
-- USAGE on the sequence. The owner is itself subject to the forced row-level security, so for its one
-- update the function sets the row's own tenant (and a tenant-wide fund scope) transaction-locally and
-- restores the caller's settings afterwards: RLS still confines the update to that tenant, and a
-- transaction without tenant (a superuser arranging test or demo data) is numbered too.
create function changes_assign_position() returns trigger
    language plpgsql
    security definer
    set search_path = pg_catalog, public, pg_temp
as $$
declare
    caller_tenant     text := current_setting('app.tenant_id', true);
    caller_fund_scope text := current_setting('app.fund_scope_subject', true);
begin
    -- the tenant's commit-order lock: 64 bits of a hash of a name of our own, so it cannot collide with
    -- other advisory locks by accident (a collision between two tenants would only serialize them)
    perform pg_advisory_xact_lock(hashtextextended('diligence.changes:' || new.tenant_id::text, 0));
    perform set_config('app.tenant_id', new.tenant_id::text, true);
    perform set_config('app.fund_scope_subject', '', true);
    update public.changes set position = nextval('public.changes_position_seq')
    where tenant_id = new.tenant_id and id = new.id and position is null;
    if not found then
        raise exception 'change % of tenant % has no row to number at commit', new.id, new.tenant_id;
    end if;
    perform set_config('app.tenant_id', coalesce(caller_tenant, ''), true);
    perform set_config('app.fund_scope_subject', coalesce(caller_fund_scope, ''), true);
    return null;
end
$$;

-- A trigger function can only run as a trigger; nobody needs to call it.
revoke all on function changes_assign_position() from public;

-- Deferred: fires at commit, once per row, in the order the rows were inserted, so the changes of one
-- transaction keep the order in which it made them.
create constraint trigger changes_position_at_commit
    after insert on changes
    deferrable initially deferred
    for each row execute function changes_assign_position();

-- Appends a change of the row the trigger fired for: TG_ARGV[0] is the entity type, TG_ARGV[1] the
-- operation, or STATUS for the assessment's new status. Runs as the writer (SECURITY INVOKER): the
-- insert is checked by the tenant policy like the write that caused it.
create function changes_record() returns trigger
    language plpgsql
    set search_path = pg_catalog, public, pg_temp
as $$
declare
    operation text := tg_argv[1];
begin
    if tg_op = 'DELETE' then
        insert into public.changes (tenant_id, entity_type, entity_id, operation, occurred_at)
        values (old.tenant_id, tg_argv[0], old.id, operation, clock_timestamp());
    else
        if operation = 'STATUS' then
            operation := new.status;
        end if;
        insert into public.changes (tenant_id, entity_type, entity_id, operation, occurred_at)
        values (new.tenant_id, tg_argv[0], new.id, operation, clock_timestamp());
    end if;
    return null;
end
$$;

-- Updates that change nothing (old row = new row) are not changes.
create trigger funds_created after insert on funds
    for each row execute function changes_record('FUND', 'CREATED');
create trigger funds_updated after update on funds
    for each row when (old.* is distinct from new.*) execute function changes_record('FUND', 'UPDATED');
create trigger funds_removed after delete on funds
    for each row execute function changes_record('FUND', 'REMOVED');

create trigger companies_created after insert on companies
    for each row execute function changes_record('COMPANY', 'CREATED');
create trigger companies_updated after update on companies
    for each row when (old.* is distinct from new.*) execute function changes_record('COMPANY', 'UPDATED');
create trigger companies_removed after delete on companies
    for each row execute function changes_record('COMPANY', 'REMOVED');

create trigger holdings_created after insert on holdings
    for each row execute function changes_record('HOLDING', 'CREATED');
create trigger holdings_updated after update on holdings
    for each row when (old.* is distinct from new.*) execute function changes_record('HOLDING', 'UPDATED');
create trigger holdings_removed after delete on holdings
    for each row execute function changes_record('HOLDING', 'REMOVED');

-- Assessments enter the feed only when they are published or retracted (drafts are work in progress).
create trigger assessments_published_or_retracted after update on assessments
    for each row when (new.status in ('PUBLISHED', 'RETRACTED') and old.status is distinct from new.status)
    execute function changes_record('ASSESSMENT', 'STATUS');
create trigger assessments_stored_published after insert on assessments
    for each row when (new.status in ('PUBLISHED', 'RETRACTED'))
    execute function changes_record('ASSESSMENT', 'STATUS');

-- Findings: raised, changed, and a rule finding retired counts as removed (it is no longer found).
create trigger findings_created after insert on findings
    for each row when (new.retired_at is null) execute function changes_record('FINDING', 'CREATED');
create trigger findings_updated after update on findings
    for each row when (new.retired_at is null and old.* is distinct from new.*)
    execute function changes_record('FINDING', 'UPDATED');
create trigger findings_retired after update on findings
    for each row when (old.retired_at is null and new.retired_at is not null)
    execute function changes_record('FINDING', 'REMOVED');
