-- The rest of a published assessment's stored result, for portfolio queries in SQL: per criterion
-- the effective level (after the evidence gate), target, gap and remediation priority, and the red
-- flags that fired. Like assessment_dimension_results (V014) they are written once, when the
-- assessment is published, with the engine's 10-place decimals, and never change: portfolio
-- heatmaps and remediation rankings aggregate these rows instead of recomputing anything.
-- Tenant-owned: tenant_id, composite keys and foreign keys, forced row-level security, fund scope
-- deferring to the assessment (see V014).

create table assessment_criterion_results (
    tenant_id       uuid            not null,
    assessment_id   uuid            not null,
    criterion_code  text            not null,
    -- framework order of the criterion in its version
    position        integer         not null,
    dimension_code  text            not null,
    state           text            not null check (state in ('SCORED', 'NOT_APPLICABLE', 'UNKNOWN')),
    recorded_level  smallint        check (recorded_level between 0 and 4),
    effective_level smallint        check (effective_level between 0 and 4),
    gated           boolean         not null,
    target          smallint        not null check (target between 0 and 4),
    explicit_target boolean         not null,
    gap             smallint        check (gap between 0 and 4),
    priority        numeric(14, 10) check (priority >= 0),
    primary key (tenant_id, assessment_id, criterion_code),
    foreign key (tenant_id, assessment_id) references assessments (tenant_id, id),
    check ((state = 'SCORED') = (recorded_level is not null and effective_level is not null and gap is not null
                                 and priority is not null)),
    check (effective_level is null or effective_level <= recorded_level),
    check (not gated or state = 'SCORED')
);

-- The remediation ranking of a set of assessments: largest priority first.
create index assessment_criterion_results_by_priority on assessment_criterion_results (tenant_id, assessment_id, priority desc)
    where gap > 0;

create table assessment_red_flags (
    tenant_id      uuid    not null,
    assessment_id  uuid    not null,
    -- rule order, as the engine reports them
    position       integer not null,
    rule_id        text    not null check (length(rule_id) between 1 and 100),
    criterion_code text,
    severity       text    not null check (severity in ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')),
    deal_level     boolean not null,
    primary key (tenant_id, assessment_id, position),
    foreign key (tenant_id, assessment_id) references assessments (tenant_id, id)
);

alter table assessment_criterion_results enable row level security;
alter table assessment_criterion_results force row level security;
create policy assessment_criterion_results_tenant_isolation on assessment_criterion_results
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());
create policy assessment_criterion_results_fund_scope on assessment_criterion_results as restrictive
    using (app_fund_scope_subject() is null
        or exists (select 1 from assessments a
                   where a.tenant_id = assessment_criterion_results.tenant_id and a.id = assessment_criterion_results.assessment_id));

alter table assessment_red_flags enable row level security;
alter table assessment_red_flags force row level security;
create policy assessment_red_flags_tenant_isolation on assessment_red_flags
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());
create policy assessment_red_flags_fund_scope on assessment_red_flags as restrictive
    using (app_fund_scope_subject() is null
        or exists (select 1 from assessments a
                   where a.tenant_id = assessment_red_flags.tenant_id and a.id = assessment_red_flags.assessment_id));

-- Stored results only grow: written once at publication.
grant select, insert on assessment_criterion_results, assessment_red_flags to ${app_role};

-- A company's publications newest first, retracted ones included: the latest as of any date is the
-- first one published by then and not retracted by then (portfolio comparison).
create index assessments_publications_by_company on assessments (tenant_id, company_id, published_at desc, id desc)
    where published_at is not null;
