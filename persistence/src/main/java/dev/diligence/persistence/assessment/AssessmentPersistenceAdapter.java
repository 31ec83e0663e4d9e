package dev.diligence.persistence.assessment;

import dev.diligence.domain.assessment.Assessment;
import dev.diligence.domain.assessment.AssessmentCursors;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.assessment.Assessments;
import dev.diligence.domain.assessment.LatestPublished;
import dev.diligence.domain.assessment.Publication;
import dev.diligence.domain.assessment.Retraction;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.scoring.AssessmentContext;
import dev.diligence.domain.scoring.OverallResult;
import dev.diligence.domain.scoring.ScoringEngine;
import dev.diligence.domain.scoring.ScoringResult;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.domain.shared.paging.Cursor;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import dev.diligence.persistence.sql.Pages;
import dev.diligence.persistence.sql.Timestamps;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessments in plain SQL over {@code assessments} and its child tables (V014), stating
 * {@code tenant_id} explicitly; row-level security checks it again.
 *
 * <p>What is stored and what is recomputed: every input of the scoring (context, criterion scores,
 * evidence) is stored, and at publication the headline numbers of the result (overall score,
 * percentage, floor, confidence, coverage, level, deal-level red flag) and the per-dimension numbers,
 * for portfolio queries in SQL. The {@link Publication}'s full {@link ScoringResult} (criterion
 * results, red flags with their explanations) is rebuilt on load by the pure {@link ScoringEngine}
 * from the stored inputs and the immutable framework version; the stored columns are those numbers
 * of the same computation, and a test proves they agree digit for digit.
 *
 * <p>This class writes the {@code assessments} row itself; the child tables are written by
 * {@link AssessmentChildRows} and the aggregate is read and rescored by {@link AssessmentQueries}, both
 * called only from here and so inside this adapter's mandatory transaction.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class AssessmentPersistenceAdapter implements Assessments {

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;
    private final AssessmentChildRows childRows;
    private final AssessmentQueries loader;

    AssessmentPersistenceAdapter(
            NamedParameterJdbcTemplate jdbc,
            CurrentTenant currentTenant,
            AssessmentChildRows childRows,
            AssessmentQueries loader) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
        this.childRows = childRows;
        this.loader = loader;
    }

    @Override
    public Optional<Assessment> find(AssessmentId id) {
        return loader.load("id = :id", tenant().addValue("id", id.value())).stream()
                .findFirst();
    }

    @Override
    public List<Assessment> findAll(Collection<AssessmentId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return loader.load(
                "id in (:ids)",
                tenant().addValue(
                                "ids",
                                ids.stream().map(AssessmentId::value).distinct().toList()));
    }

    @Override
    public Assessment add(Assessment assessment) {
        jdbc.update("""
                insert into assessments (tenant_id, id, company_id, framework_version, status, models_in_production,
                    eu_ai_act_tier, sensitive_domains, lowest_impact_ratio, fairness_mitigation_documented, lead_assessor,
                    version, created_at, updated_at)
                values (:tenant, :id, :company, :frameworkVersion, 'DRAFT', :modelsInProduction, :tier,
                    cast(:domains as text[]), :impactRatio, :fairness, :leadAssessor, :version, :createdAt, :updatedAt)""", row(assessment));
        childRows.write(assessment);
        // the status, publication and retraction columns go together, checked by the table
        jdbc.update(
                "update assessments set " + STATE_COLUMNS + " where tenant_id = :tenant and id = :id", row(assessment));
        return assessment;
    }

    @Override
    public Assessment update(Assessment assessment) {
        int changed = jdbc.update(
                "update assessments set models_in_production = :modelsInProduction, eu_ai_act_tier = :tier,"
                        + " sensitive_domains = cast(:domains as text[]), lowest_impact_ratio = :impactRatio,"
                        + " fairness_mitigation_documented = :fairness, lead_assessor = :leadAssessor, " + STATE_COLUMNS
                        + ", version = version + 1 where tenant_id = :tenant and id = :id and version = :version",
                row(assessment));
        if (changed == 0) {
            throw new RuleViolationException(Violation.of(
                    "expectedVersion",
                    ViolationCode.STALE_VERSION,
                    "the assessment was changed concurrently; read it again"));
        }
        childRows.write(assessment);
        return new Assessment(
                assessment.id(),
                assessment.company(),
                assessment.frameworkVersion(),
                assessment.context(),
                assessment.leadAssessor(),
                assessment.criteria(),
                assessment.status(),
                assessment.review(),
                assessment.publication(),
                assessment.retraction(),
                assessment.version() + 1,
                assessment.createdAt(),
                assessment.updatedAt());
    }

    @Override
    public void storeWorkingScore(AssessmentId id, ScoringResult score) {
        int stored = jdbc.update("""
                update assessments set overall_score = :overallScore, overall_percentage = :overallPercentage,
                    overall_floor = :overallFloor, overall_confidence = :overallConfidence, coverage = :coverage, level = :level,
                    level_suppressed = :levelSuppressed, deal_level_red_flag = :dealLevelRedFlag
                where tenant_id = :tenant and id = :id and published_at is null""", headline(tenant().addValue("id", id.value()), score));
        if (stored == 1) {
            childRows.storeDimensions(id.value(), score);
        }
    }

    @Override
    public Optional<Assessment> latestPublished(CompanyId company) {
        // the one the database keeps flagged (V025), whose ties were broken as LatestPublished breaks them
        List<Assessment> latest = loader.load(
                "company_id = :company and latest_publication", tenant().addValue("company", company.value()));
        return LatestPublished.of(company, latest);
    }

    @Override
    public List<Assessment> ofCompany(CompanyId company) {
        return loader.load("company_id = :company", tenant().addValue("company", company.value()));
    }

    @Override
    public Map<CompanyId, List<Assessment>> ofCompanies(Collection<CompanyId> companies) {
        Map<CompanyId, List<Assessment>> byCompany = new LinkedHashMap<>();
        companies.forEach(company -> byCompany.put(company, new ArrayList<>()));
        if (!companies.isEmpty()) {
            loader.load("company_id in (:companies)", tenant().addValue("companies", ids(companies)))
                    .forEach(assessment -> byCompany.get(assessment.company()).add(assessment));
        }
        return byCompany;
    }

    /**
     * One window over all the companies: each company's assessments numbered newest first (oldest first
     * backwards) after the cursor, the first {@code limit + 1} of each kept, then read whole by the
     * loader (five statements whatever the number of companies). Index {@code assessments_by_company}.
     */
    @Override
    public Map<CompanyId, Slice<Assessment>> pageByCompany(Collection<CompanyId> companies, PageQuery page) {
        Map<CompanyId, List<Assessment>> byCompany = new LinkedHashMap<>();
        companies.forEach(company -> byCompany.put(company, new ArrayList<>()));
        if (!companies.isEmpty() && page.limit() > 0) {
            String direction = page.backward() ? "asc" : "desc";
            MapSqlParameterSource parameters =
                    tenant().addValue("companies", ids(companies)).addValue("window", page.limit() + 1);
            String after = "";
            if (page.from().isPresent()) {
                Cursor cursor = page.from().get();
                after = " and (created_at, id) " + (page.backward() ? ">" : "<") + " (:afterAt, :afterId)";
                parameters.addValue("afterAt", Timestamps.of(startedAt(cursor))).addValue("afterId", cursor.id());
            }
            List<Assessment> found = loader.load("""
                    id in (select id from (
                        select id, row_number() over (partition by company_id order by created_at %1$s, id %1$s) as position
                        from assessments where tenant_id = :tenant and company_id in (:companies)%2$s
                    ) numbered where position <= :window)""".formatted(direction, after), parameters);
            found.forEach(assessment -> byCompany.get(assessment.company()).add(assessment));
        }
        Map<CompanyId, Slice<Assessment>> slices = new LinkedHashMap<>();
        byCompany.forEach((company, newestFirst) -> slices.put(company, slice(newestFirst, page)));
        return slices;
    }

    @Override
    public Map<CompanyId, Long> countByCompany(Collection<CompanyId> companies) {
        Map<CompanyId, Long> counts = new LinkedHashMap<>();
        companies.forEach(company -> counts.put(company, 0L));
        if (!companies.isEmpty()) {
            jdbc.query(
                    "select company_id, count(*) as assessments from assessments where tenant_id = :tenant"
                            + " and company_id in (:companies) group by company_id",
                    tenant().addValue("companies", ids(companies)),
                    row -> {
                        counts.put(new CompanyId(row.getObject("company_id", UUID.class)), row.getLong("assessments"));
                    });
        }
        return counts;
    }

    /** The page of a company's assessments read newest first: at most {@code limit + 1} of them, nearest to the cursor. */
    private static Slice<Assessment> slice(List<Assessment> newestFirst, PageQuery page) {
        List<Assessment> nearestFirst = new ArrayList<>(newestFirst);
        if (page.backward()) {
            Collections.reverse(nearestFirst);
        }
        return Pages.slice(nearestFirst, page);
    }

    private static Instant startedAt(Cursor cursor) {
        return Pages.instant(cursor, AssessmentCursors.ORDERING);
    }

    private static List<UUID> ids(Collection<CompanyId> companies) {
        return companies.stream().map(CompanyId::value).distinct().toList();
    }

    private static final String STATE_COLUMNS = """
            status = :status, updated_at = :updatedAt, published_by = :publishedBy, published_at = :publishedAt,
            overall_score = :overallScore, overall_percentage = :overallPercentage, overall_floor = :overallFloor,
            overall_confidence = :overallConfidence, coverage = :coverage, level = :level,
            level_suppressed = :levelSuppressed, deal_level_red_flag = :dealLevelRedFlag,
            retracted_by = :retractedBy, retraction_reason = :retractionReason, retracted_at = :retractedAt""";

    private MapSqlParameterSource row(Assessment a) {
        AssessmentContext context = a.context();
        MapSqlParameterSource row = tenant().addValue("id", a.id().value())
                .addValue("company", a.company().value())
                .addValue("frameworkVersion", a.frameworkVersion())
                .addValue("status", a.status().name())
                .addValue("modelsInProduction", context.modelsInProduction())
                .addValue("tier", context.euAiActTier().name())
                .addValue(
                        "domains",
                        "{"
                                + context.sensitiveDomains().stream()
                                        .map(Enum::name)
                                        .sorted()
                                        .collect(Collectors.joining(","))
                                + "}")
                .addValue("impactRatio", context.lowestImpactRatio())
                .addValue("fairness", context.fairnessMitigationDocumented())
                .addValue("leadAssessor", a.leadAssessor())
                .addValue("version", a.version())
                .addValue("createdAt", Timestamps.of(a.createdAt()))
                .addValue("updatedAt", Timestamps.of(a.updatedAt()));
        Publication publication = a.publication();
        row.addValue("publishedBy", publication == null ? null : publication.publishedBy())
                .addValue("publishedAt", publication == null ? null : Timestamps.of(publication.publishedAt()));
        headline(row, publication == null ? null : publication.result());
        Retraction retraction = a.retraction();
        return row.addValue("retractedBy", retraction == null ? null : retraction.retractedBy())
                .addValue("retractionReason", retraction == null ? null : retraction.reason())
                .addValue("retractedAt", retraction == null ? null : Timestamps.of(retraction.retractedAt()));
    }

    /**
     * The headline columns of {@code result} into {@code row}: all null without a result, which is how
     * an update of an unpublished assessment clears its working score until it is stored again.
     */
    private static MapSqlParameterSource headline(MapSqlParameterSource row, @Nullable ScoringResult result) {
        OverallResult overall = result == null ? null : result.overall();
        return row.addValue("overallScore", overall == null ? null : overall.score())
                .addValue("overallPercentage", overall == null ? null : overall.percentage())
                .addValue("overallFloor", overall == null ? null : overall.floor())
                .addValue("overallConfidence", overall == null ? null : overall.confidence())
                .addValue("coverage", result == null ? null : result.coverage())
                .addValue("level", result == null ? null : result.level().orElse(null))
                .addValue("levelSuppressed", result == null ? null : overall != null && overall.levelSuppressed())
                .addValue("dealLevelRedFlag", result == null ? null : result.dealLevelRedFlag());
    }

    private MapSqlParameterSource tenant() {
        return AssessmentSql.tenant(currentTenant);
    }
}
