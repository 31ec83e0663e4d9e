-- Findings on assessments (the Finding aggregate): what was found, how serious, who remedies it by
-- when, where the remediation stands, and who raised it (an assessor, or a red-flag rule). A rule
-- finding whose flag no longer fires is retired, not deleted: retired_at is set and the adapter
-- stops returning it, so the row and its history stay. Tenant-owned like every other table:
-- tenant_id, composite keys and foreign keys, forced row-level security.
create table findings (
    tenant_id           uuid        not null,
    id                  uuid        not null,
    assessment_id       uuid        not null,
    -- the criterion the finding is about, if any
    criterion_code      text        check (length(criterion_code) between 1 and 100),
    -- the content (FindingContent); the domain measures lengths after stripping whitespace
    title               text        not null check (length(btrim(title, E' \t\r\n')) between 1 and 200),
    description         text        not null check (length(btrim(description, E' \t\r\n')) <= 10000),
    severity            text        not null check (severity in ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO')),
    owner_subject       text        check (length(owner_subject) between 1 and 255),
    due_date            date,
    remediation_plan    text        check (length(btrim(remediation_plan, E' \t\r\n')) <= 10000),
    -- the cited clauses of external frameworks, in order: standard i with clause i
    reference_standards text[]      not null check (reference_standards <@ array['NIST_AI_RMF', 'EU_AI_ACT', 'ISO_IEC_42001']),
    reference_clauses   text[]      not null,
    -- who raised it (FindingSource)
    source_kind         text        not null check (source_kind in ('ASSESSOR', 'RULE')),
    rule_id             text        check (length(btrim(rule_id)) between 1 and 100),
    -- where the remediation stands
    status              text        not null check (status in ('OPEN', 'IN_REMEDIATION', 'RESOLVED', 'ACCEPTED_RISK')),
    opened_at           timestamptz not null,
    closed_at           timestamptz,
    -- the resolution note, or the justification of an accepted risk
    closing_note        text        check (length(closing_note) between 1 and 10000),
    retired_at          timestamptz,
    version             bigint      not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, assessment_id) references assessments (tenant_id, id),
    check (cardinality(reference_standards) = cardinality(reference_clauses)),
    check ((source_kind = 'RULE') = (rule_id is not null)),
    check ((status in ('RESOLVED', 'ACCEPTED_RISK')) = (closed_at is not null)),
    check ((status in ('RESOLVED', 'ACCEPTED_RISK')) = (closing_note is not null)),
    -- only rules retire findings (the assessor's stay)
    check (retired_at is null or source_kind = 'RULE')
);

-- An assessment's findings in the order raised (created_at breaks ties of one reconciliation).
create index findings_by_assessment on findings (tenant_id, assessment_id, opened_at, created_at, id);

alter table findings enable row level security;
alter table findings force row level security;
create policy findings_tenant_isolation on findings
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());

-- Fund scope (see V011, V014): a fund-scoped reader sees the findings of the assessments it sees; the
-- subquery on assessments is itself subject to the restrictive policy of V014.
create policy findings_fund_scope on findings as restrictive
    using (app_fund_scope_subject() is null
        or exists (select 1 from assessments a
                   where a.tenant_id = findings.tenant_id and a.id = findings.assessment_id));

-- Findings are never deleted: a retired rule finding keeps its row with retired_at set.
grant select, insert, update on findings to ${app_role};
