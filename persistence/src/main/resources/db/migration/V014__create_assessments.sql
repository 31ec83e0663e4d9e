-- Assessments of companies under a framework version, with everything the aggregate records: the
-- context, one row per criterion of the version, the evidence behind each criterion, the review
-- trail (editors, submitters, change requests), the publication and the retraction.
--
-- At publication the headline numbers of the engine's result are stored here (numeric(14,10): the
-- engine's 10 places, exactly), with the per-dimension numbers in assessment_dimension_results, so
-- portfolio queries aggregate stored numbers in SQL instead of recomputing. Every table is
-- tenant-owned: tenant_id, composite keys and foreign keys, forced row-level security.
create table assessments (
    tenant_id                      uuid          not null,
    id                             uuid          not null,
    company_id                     uuid          not null,
    framework_version              integer       not null references framework_versions (version),
    status                         text          not null check (status in ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'RETRACTED')),
    -- the context (AssessmentContext)
    models_in_production           boolean       not null,
    eu_ai_act_tier                 text          not null check (eu_ai_act_tier in ('PROHIBITED', 'HIGH', 'LIMITED', 'MINIMAL', 'UNCLASSIFIED')),
    sensitive_domains              text[]        not null check (sensitive_domains <@ array['EMPLOYMENT', 'CREDIT', 'HEALTH', 'INSURANCE', 'EDUCATION', 'OTHER']),
    -- unconstrained numeric keeps the scale as recorded, so the value reads back equal
    lowest_impact_ratio            numeric       check (lowest_impact_ratio between 0 and 1),
    fairness_mitigation_documented boolean       not null,
    lead_assessor                  text          not null check (length(lead_assessor) between 1 and 255),
    -- the publication, with the headline numbers of its stored result
    published_by                   text,
    published_at                   timestamptz,
    overall_score                  numeric(14, 10) check (overall_score between 0 and 4),
    overall_percentage             numeric(14, 10) check (overall_percentage between 0 and 100),
    overall_floor                  numeric(14, 10) check (overall_floor between 0 and 4),
    overall_confidence             numeric(14, 10) check (overall_confidence between 0 and 1),
    coverage                       numeric(14, 10) check (coverage between 0 and 1),
    -- null when nothing is scored or the level is suppressed (level_suppressed tells which)
    level                          smallint      check (level between 0 and 4),
    level_suppressed               boolean,
    deal_level_red_flag            boolean,
    -- the retraction
    retracted_by                   text,
    retraction_reason              text          check (length(retraction_reason) between 1 and 4000),
    retracted_at                   timestamptz,
    version                        bigint        not null,
    created_at                     timestamptz   not null,
    updated_at                     timestamptz   not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, company_id) references companies (tenant_id, id),
    check ((status in ('PUBLISHED', 'RETRACTED')) = (published_by is not null and published_at is not null
                                                     and level_suppressed is not null and deal_level_red_flag is not null)),
    check ((status = 'RETRACTED') = (retracted_by is not null and retraction_reason is not null and retracted_at is not null)),
    check ((overall_score is null) = (overall_percentage is null)
           and (overall_score is null) = (overall_floor is null)
           and (overall_score is null) = (overall_confidence is null)),
    check (level is null or overall_score is not null)
);

-- A company's assessments newest first, and its latest publication.
create index assessments_by_company on assessments (tenant_id, company_id, created_at, id);
create index assessments_published_by_company on assessments (tenant_id, company_id, published_at) where status = 'PUBLISHED';

-- The stored per-dimension numbers of a published assessment, in framework order.
create table assessment_dimension_results (
    tenant_id      uuid            not null,
    assessment_id  uuid            not null,
    dimension_code text            not null,
    position       integer         not null,
    weight         numeric(14, 10) not null,
    applicable     boolean         not null,
    score          numeric(14, 10) check (score between 0 and 4),
    uncapped_score numeric(14, 10) check (uncapped_score between 0 and 4),
    capped_by      text,
    coverage       numeric(14, 10) check (coverage between 0 and 1),
    provisional    boolean         not null,
    confidence     numeric(14, 10) check (confidence between 0 and 1),
    primary key (tenant_id, assessment_id, dimension_code),
    foreign key (tenant_id, assessment_id) references assessments (tenant_id, id),
    check (applicable = (coverage is not null)),
    check ((score is null) = (uncapped_score is null) and (score is null) = (confidence is null))
);

-- What the assessment records per criterion of its framework version, in framework order.
create table assessment_criteria (
    tenant_id             uuid     not null,
    assessment_id         uuid     not null,
    criterion_code        text     not null,
    position              integer  not null,
    state                 text     not null check (state in ('SCORED', 'NOT_APPLICABLE', 'UNKNOWN')),
    level                 smallint check (level between 0 and 4),
    confidence            text     check (confidence in ('HIGH', 'MEDIUM', 'LOW')),
    not_applicable_reason text     check (length(not_applicable_reason) <= 2000),
    target_level          smallint check (target_level between 0 and 4),
    rationale             text     check (length(rationale) <= 10000),
    primary key (tenant_id, assessment_id, criterion_code),
    foreign key (tenant_id, assessment_id) references assessments (tenant_id, id),
    check ((state = 'SCORED') = (level is not null and confidence is not null)),
    check (state = 'SCORED' or (level is null and confidence is null)),
    check ((state = 'NOT_APPLICABLE') = (not_applicable_reason is not null))
);

-- The evidence behind a criterion, in the order it was added.
create table assessment_evidence (
    tenant_id      uuid        not null,
    id             uuid        not null,
    assessment_id  uuid        not null,
    criterion_code text        not null,
    position       integer     not null,
    kind           text        not null check (kind in ('LINK', 'DOCUMENT', 'NOTE')),
    value          text        not null check (length(value) between 1 and 4000),
    added_by       text        not null,
    added_at       timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, assessment_id, criterion_code) references assessment_criteria (tenant_id, assessment_id, criterion_code)
);

create index assessment_evidence_by_criterion on assessment_evidence (tenant_id, assessment_id, criterion_code, position);

-- Who edited or submitted the assessment (the four-eyes rule). Only ever grows.
create table assessment_participants (
    tenant_id     uuid not null,
    assessment_id uuid not null,
    role          text not null check (role in ('EDITOR', 'SUBMITTER')),
    subject       text not null,
    primary key (tenant_id, assessment_id, role, subject),
    foreign key (tenant_id, assessment_id) references assessments (tenant_id, id)
);

-- The reviewers' change requests, oldest first. Only ever grows.
create table assessment_review_comments (
    tenant_id     uuid        not null,
    assessment_id uuid        not null,
    position      integer     not null,
    reviewer      text        not null,
    text          text        not null check (length(text) between 1 and 10000),
    commented_at  timestamptz not null,
    primary key (tenant_id, assessment_id, position),
    foreign key (tenant_id, assessment_id) references assessments (tenant_id, id)
);

alter table assessments enable row level security;
alter table assessments force row level security;
create policy assessments_tenant_isolation on assessments
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());

alter table assessment_dimension_results enable row level security;
alter table assessment_dimension_results force row level security;
create policy assessment_dimension_results_tenant_isolation on assessment_dimension_results
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());

alter table assessment_criteria enable row level security;
alter table assessment_criteria force row level security;
create policy assessment_criteria_tenant_isolation on assessment_criteria
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());

alter table assessment_evidence enable row level security;
alter table assessment_evidence force row level security;
create policy assessment_evidence_tenant_isolation on assessment_evidence
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());

alter table assessment_participants enable row level security;
alter table assessment_participants force row level security;
create policy assessment_participants_tenant_isolation on assessment_participants
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());

alter table assessment_review_comments enable row level security;
alter table assessment_review_comments force row level security;
create policy assessment_review_comments_tenant_isolation on assessment_review_comments
    using (tenant_id = app_current_tenant())
    with check (tenant_id = app_current_tenant());

-- Fund scope (see V011): a fund-scoped reader sees only the assessments of companies held by a
-- granted fund. The child tables defer to their assessment: the subquery on assessments is itself
-- subject to the restrictive policy above.
create policy assessments_fund_scope on assessments as restrictive
    using (app_fund_scope_subject() is null
        or exists (select 1 from holdings h
                   join fund_grants g on g.tenant_id = h.tenant_id and g.fund_id = h.fund_id
                   where h.tenant_id = assessments.tenant_id and h.company_id = assessments.company_id
                     and g.subject = app_fund_scope_subject()));

create policy assessment_dimension_results_fund_scope on assessment_dimension_results as restrictive
    using (app_fund_scope_subject() is null
        or exists (select 1 from assessments a
                   where a.tenant_id = assessment_dimension_results.tenant_id and a.id = assessment_dimension_results.assessment_id));

create policy assessment_criteria_fund_scope on assessment_criteria as restrictive
    using (app_fund_scope_subject() is null
        or exists (select 1 from assessments a
                   where a.tenant_id = assessment_criteria.tenant_id and a.id = assessment_criteria.assessment_id));

create policy assessment_evidence_fund_scope on assessment_evidence as restrictive
    using (app_fund_scope_subject() is null
        or exists (select 1 from assessments a
                   where a.tenant_id = assessment_evidence.tenant_id and a.id = assessment_evidence.assessment_id));

create policy assessment_participants_fund_scope on assessment_participants as restrictive
    using (app_fund_scope_subject() is null
        or exists (select 1 from assessments a
                   where a.tenant_id = assessment_participants.tenant_id and a.id = assessment_participants.assessment_id));

create policy assessment_review_comments_fund_scope on assessment_review_comments as restrictive
    using (app_fund_scope_subject() is null
        or exists (select 1 from assessments a
                   where a.tenant_id = assessment_review_comments.tenant_id and a.id = assessment_review_comments.assessment_id));

-- Assessments are never deleted (a mistaken one is retracted once published). Criteria are
-- re-scored in place; stored results, participants and comments only grow. Evidence is the one
-- thing removed: an item taken out of a draft.
grant select, insert, update on assessments, assessment_criteria to ${app_role};
grant select, insert on assessment_dimension_results, assessment_participants, assessment_review_comments to ${app_role};
grant select, insert, update, delete on assessment_evidence to ${app_role};
