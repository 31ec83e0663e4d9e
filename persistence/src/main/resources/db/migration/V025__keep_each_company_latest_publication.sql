-- Each company's latest publication is kept as data (issue 18), so reads "as of now" (portfolio
-- comparisons, Company.latestAssessment) find it with one probe of a small index instead of
-- searching every company's publications on every request.
--
-- Invariant: for every company, exactly its newest publication that is not retracted (status
-- 'PUBLISHED'; newest by published_at, ties by id descending, as the domain's LatestPublished
-- breaks them) has latest_publication = true, and no other of its assessments has; a company with no
-- such publication has none. Reads as of an earlier instant still search the publications (V017's
-- index), since a retraction or a later publication changes the answer only from its own instant on.
--
-- Written in the transaction that publishes, retracts or inserts a published assessment, by the
-- triggers below, whatever writes it (the application, an import). Two transactions publishing for
-- the same company are serialized by a transaction-level advisory lock on (tenant, company), and the
-- second recomputes after the first committed (each statement of the function reads a new snapshot
-- under read committed), so concurrent publications cannot leave two flags. The functions run as
-- the caller, under its row-level security: they touch only rows of the tenant and company of the
-- row the caller itself was allowed to write.
alter table assessments add column latest_publication boolean not null default false;

create index assessments_latest_publication on assessments (tenant_id, company_id) where latest_publication;

-- Recomputes one company's flag from its publications; changes only the rows whose flag is wrong.
create function assessments_mark_latest_publication(tenant uuid, company uuid) returns void
    language sql
as $$
    with winner as (
        select l.id from public.assessments l
        where l.tenant_id = tenant and l.company_id = company and l.status = 'PUBLISHED'
        order by l.published_at desc, l.id desc
        limit 1
    )
    update public.assessments a set latest_publication = coalesce(a.id = (select id from winner), false)
    where a.tenant_id = tenant and a.company_id = company
      and a.latest_publication is distinct from coalesce(a.id = (select id from winner), false)
$$;

-- Recomputes the flags of every company of one tenant: the backfill below and bulk loads that
-- write with triggers disabled (the benchmark's generator).
create function assessments_mark_latest_publications(tenant uuid) returns void
    language sql
as $$
    with winners as (
        select distinct on (l.company_id) l.id from public.assessments l
        where l.tenant_id = tenant and l.status = 'PUBLISHED'
        order by l.company_id, l.published_at desc, l.id desc
    )
    update public.assessments a set latest_publication = (a.id in (select id from winners))
    where a.tenant_id = tenant and a.latest_publication is distinct from (a.id in (select id from winners))
$$;

create function assessments_latest_publication_changed() returns trigger
    language plpgsql
as $$
begin
    perform pg_advisory_xact_lock(hashtextextended('diligence.latest_publication:' || new.tenant_id::text || ':'
                                                   || new.company_id::text, 0));
    perform assessments_mark_latest_publication(new.tenant_id, new.company_id);
    return null;
end
$$;

create trigger assessments_latest_publication_inserted after insert on assessments
    for each row when (new.status = 'PUBLISHED')
    execute function assessments_latest_publication_changed();
-- the flag's own updates change neither column, so they do not fire it again (an assessment never
-- moves to another company: the application never updates company_id)
create trigger assessments_latest_publication_updated after update of status, published_at on assessments
    for each row when (old.status is distinct from new.status or old.published_at is distinct from new.published_at)
    execute function assessments_latest_publication_changed();

revoke all on function assessments_mark_latest_publication(uuid, uuid) from public;
revoke all on function assessments_mark_latest_publications(uuid) from public;
revoke all on function assessments_latest_publication_changed() from public;
grant execute on function assessments_mark_latest_publication(uuid, uuid) to ${app_role};
grant execute on function assessments_latest_publication_changed() to ${app_role};

-- The backfill, tenant by tenant: row-level security is forced for the owner too, so each tenant's
-- rows are reachable only with its tenant set (tenants itself has no row-level security).
do $$
declare
    t uuid;
begin
    for t in select id from public.tenants loop
        perform set_config('app.tenant_id', t::text, true);
        perform set_config('app.fund_scoped', 'false', true);
        perform assessments_mark_latest_publications(t);
    end loop;
    perform set_config('app.tenant_id', '', true);
    perform set_config('app.fund_scoped', '', true);
end
$$;
