-- The change feed (V019) recorded each created fund, company and holding with its own firing of a
-- row-level trigger: a PL/pgSQL call and a one-row insert into changes per row, most of the cost of
-- inserting a row. Creations are now recorded by a statement-level trigger over the statement's
-- transition table, one insert into changes per statement: a multi-row insert (the application's
-- batched inserts arrive as such) writes all of its changes at once. The rows of changes are the same
-- as before, one CREATED change per created row, inserted in the order the rows were (a transition
-- table is read in insertion order, and write_order, V020, is drawn in that order), so the feed's
-- order within a transaction is unchanged. Updates and removals keep their row-level triggers (their
-- WHEN conditions compare each row's old and new values). Runs as the writer (SECURITY INVOKER):
-- the inserts are checked by the tenant policy like the writes that caused them.
create function changes_record_created() returns trigger
    language plpgsql
    set search_path = pg_catalog, public, pg_temp
as $$
begin
    insert into public.changes (tenant_id, entity_type, entity_id, operation, occurred_at)
    select created.tenant_id, tg_argv[0], created.id, 'CREATED', clock_timestamp() from created;
    return null;
end
$$;

drop trigger funds_created on funds;
create trigger funds_created after insert on funds
    referencing new table as created
    for each statement execute function changes_record_created('FUND');

drop trigger companies_created on companies;
create trigger companies_created after insert on companies
    referencing new table as created
    for each statement execute function changes_record_created('COMPANY');

drop trigger holdings_created on holdings;
create trigger holdings_created after insert on holdings
    referencing new table as created
    for each statement execute function changes_record_created('HOLDING');
