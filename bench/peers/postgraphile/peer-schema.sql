-- Computed columns for the PostGraphile peer (bench only; not part of the application's migrations).
-- Apply as the schema owner (diligence_owner) to the bench database before starting PostGraphile:
--   psql "$OWNER_URL" -v ON_ERROR_STOP=1 -f peer-schema.sql
-- PostGraphile 4 exposes a STABLE function named <table>_<name>(t <table>) as the field <name> of
-- the table's type: these become Company.openFindingsCritical and Company.openFindingsHigh.
--
-- "Open" is the application's definition (PortfolioRows, PortfolioRow.openFindings: "findings not
-- yet resolved or accepted"): status OPEN or IN_REMEDIATION, retired rule findings excluded.
-- Findings belong to a company through their assessment (findings has no company_id); every
-- assessment of the company counts, in any status.
--
-- SECURITY INVOKER (the default, stated) so forced row-level security applies to the reads inside,
-- exactly as to the peer's other reads; the tenant comes from app.tenant_id set by pgSettings.
-- Idempotent: safe to apply again.

create or replace function companies_open_findings_critical(c companies) returns integer
    language sql
    stable
    security invoker
    parallel safe
as $$
    select count(*)::integer
    from assessments a
    join findings f on f.tenant_id = a.tenant_id and f.assessment_id = a.id
    where a.tenant_id = c.tenant_id and a.company_id = c.id
      and f.severity = 'CRITICAL' and f.status in ('OPEN', 'IN_REMEDIATION') and f.retired_at is null
$$;

create or replace function companies_open_findings_high(c companies) returns integer
    language sql
    stable
    security invoker
    parallel safe
as $$
    select count(*)::integer
    from assessments a
    join findings f on f.tenant_id = a.tenant_id and f.assessment_id = a.id
    where a.tenant_id = c.tenant_id and a.company_id = c.id
      and f.severity = 'HIGH' and f.status in ('OPEN', 'IN_REMEDIATION') and f.retired_at is null
$$;

comment on function companies_open_findings_critical(companies) is 'Open (OPEN or IN_REMEDIATION), not retired CRITICAL findings on any assessment of the company.';
comment on function companies_open_findings_high(companies) is 'Open (OPEN or IN_REMEDIATION), not retired HIGH findings on any assessment of the company.';

revoke all on function companies_open_findings_critical(companies) from public;
revoke all on function companies_open_findings_high(companies) from public;
grant execute on function companies_open_findings_critical(companies) to diligence_app;
grant execute on function companies_open_findings_high(companies) to diligence_app;
