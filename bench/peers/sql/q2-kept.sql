-- Q2 (the fund portfolio heatmap) as bare SQL for pgbench, with the statements the application runs
-- since issue 18 for portfolio(fundId) as it stands (no asOf): the summary (statistics and members)
-- in one statement, then companies(first 100) in the default order with the companies themselves
-- (CompanyColumns, read along since the page selects them), both reading each company's
-- latest publication as the database keeps it flagged (assessments.latest_publication, V025),
-- copied from persistence/src/main/java/dev/diligence/persistence/portfolio/ (PortfolioSql.with for
-- a current query, PortfolioPersistenceAdapter.summaryStatement, PortfolioRows.pageStatement with the
-- OVERALL sort key), no deal-stage filter. q2.sql keeps the statements of before, as a fixed peer.
-- See README.md.
--
-- Run with extended or prepared protocol (the variables become bind parameters, as in the JDBC driver)
--   pgbench -n -M prepared -f q2-kept.sql -D tenant=TENANT_UUID -D fund=FUND_UUID -D version=1 -c 8 -T 60 DBURL
\set window 101
BEGIN;
select set_config('app.tenant_id', :tenant, true), set_config('app.fund_scoped', 'false', true),
    set_config('app.fund_scope_subject', '', true);
with held as (
    select h.company_id from holdings h where h.tenant_id = :tenant and h.fund_id = :fund
),
latest as (
    select a.* from (select distinct company_id from held) h
    cross join lateral (select l.id, l.company_id, l.framework_version, l.published_at, l.overall_score, l.overall_percentage,
            l.overall_confidence, l.coverage, l.level, l.level_suppressed, l.deal_level_red_flag
        from assessments l
        where l.tenant_id = :tenant and l.company_id = h.company_id and l.latest_publication) a
),
cohort as (
    select * from latest where framework_version = :version
)
, scores as (
    select 'OVERALL' as metric, 0 as position, c.overall_score as s from cohort c where c.overall_score is not null
    union all
    select d.dimension_code, d.position + 1, d.score from assessment_dimension_results d
    join cohort c on d.tenant_id = :tenant and d.assessment_id = c.id where d.score is not null
),
ranked as (
    select metric, position, s, row_number() over (partition by metric order by s) - 1 as i,
        count(*) over (partition by metric) - 1 as last
    from scores
),
aggregated as (
    select metric, min(position) as position, count(*) as n, sum(s) as total, min(s) as low, max(s) as high,
        min(s) filter (where i = last / 4) as q1_lo, min(s) filter (where i = (last + 3) / 4) as q1_hi,
        max(mod(last, 4)) * 0.25 as q1_frac,
        min(s) filter (where i = last / 2) as q2_lo, min(s) filter (where i = (last + 1) / 2) as q2_hi,
        max(mod(last, 2)) * 0.5 as q2_frac,
        min(s) filter (where i = 3 * last / 4) as q3_lo, min(s) filter (where i = (3 * last + 3) / 4) as q3_hi,
        max(mod(3 * last, 4)) * 0.25 as q3_frac
    from ranked group by metric
)
select 'STATISTIC' as kind, 0 as part, position, metric, n, total, low, high,
    q1_lo + q1_frac * (q1_hi - q1_lo) as q1, q2_lo + q2_frac * (q2_hi - q2_lo) as q2, q3_lo + q3_frac * (q3_hi - q3_lo) as q3,
    null as name, null::uuid as company_id, null::integer as framework_version, null::smallint as level,
    null::boolean as level_suppressed
from aggregated
union all
select 'MEMBER', 1, null, null, null, null, null, null, null, null, null,
    co.name, h.company_id, l.framework_version, l.level, l.level_suppressed
from (select distinct company_id from held) h
join companies co on co.tenant_id = :tenant and co.id = h.company_id
left join lateral (select l.framework_version, l.level, l.level_suppressed
    from assessments l
    where l.tenant_id = :tenant and l.company_id = h.company_id and l.latest_publication) l on true
order by part, position, name, company_id;
with held as (
    select h.company_id from holdings h where h.tenant_id = :tenant and h.fund_id = :fund
),
latest as (
    select a.* from (select distinct company_id from held) h
    cross join lateral (select l.id, l.company_id, l.framework_version, l.published_at, l.overall_score, l.overall_percentage,
            l.overall_confidence, l.coverage, l.level, l.level_suppressed, l.deal_level_red_flag
        from assessments l
        where l.tenant_id = :tenant and l.company_id = h.company_id and l.latest_publication) a
),
cohort as (
    select * from latest where framework_version = :version
)
, ranked as (
    select c.*, co.name,
        count(c.overall_score) over () as cohort_size,
        case when c.overall_score is null then null else rank() over (order by c.overall_score) - 1 end as lower_count,
        coalesce(c.overall_score, -1) as sort_key
    from cohort c join companies co on co.tenant_id = :tenant and co.id = c.company_id
),
paged as (
    select * from ranked order by sort_key desc, company_id desc limit :window
)
select p.*,
    (select array_agg(d.dimension_code || '=' || coalesce(d.score::text, '') order by d.position)
       from assessment_dimension_results d where d.tenant_id = :tenant and d.assessment_id = p.id) as dimensions,
    (select array_agg(f.rule_id || coalesce(' ' || f.criterion_code, '') order by f.position)
       from assessment_red_flags f where f.tenant_id = :tenant and f.assessment_id = p.id) as red_flags,
    (select array_agg(r.criterion_code || ':' || r.state || ':' || coalesce(r.effective_level::text, '') || ':' || r.gated
              order by r.position)
       from assessment_criterion_results r where r.tenant_id = :tenant and r.assessment_id = p.id) as heatmap,
    open_findings.packed as open_findings,
    co.id as co_id, co.name as co_name, co.website as co_website, co.sector as co_sector,
    co.headquarters_country as co_headquarters_country, co.stage as co_stage,
    co.employee_count as co_employee_count, co.description as co_description,
    co.archived as co_archived, co.version as co_version, co.created_at as co_created_at,
    co.updated_at as co_updated_at, co_refs.sources as co_sources, co_refs.external_ids as co_external_ids
from paged p
left join lateral (
    select string_agg(o.severity || ':' || o.findings, ',') as packed
    from (select f.severity, count(*) as findings
          from findings f join assessments fa on fa.tenant_id = f.tenant_id and fa.id = f.assessment_id
          where f.tenant_id = :tenant and fa.tenant_id = :tenant and fa.company_id = p.company_id
            and f.retired_at is null and f.status in ('OPEN', 'IN_REMEDIATION')
          group by f.severity) o) open_findings on true
join companies co on co.tenant_id = :tenant and co.id = p.company_id
left join lateral (
    select array_agg(x.source order by x.source, x.external_id) as sources,
        array_agg(x.external_id order by x.source, x.external_id) as external_ids
    from company_references x where x.tenant_id = co.tenant_id and x.company_id = co.id) co_refs on true
order by sort_key desc, company_id desc;
COMMIT;
