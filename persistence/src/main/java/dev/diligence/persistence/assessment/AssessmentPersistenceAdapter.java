package dev.diligence.persistence.assessment;

import dev.diligence.domain.assessment.Assessment;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.assessment.AssessmentStatus;
import dev.diligence.domain.assessment.Assessments;
import dev.diligence.domain.assessment.CriterionAssessment;
import dev.diligence.domain.assessment.CriterionAssessments;
import dev.diligence.domain.assessment.EvidenceItem;
import dev.diligence.domain.assessment.EvidenceKind;
import dev.diligence.domain.assessment.LatestPublished;
import dev.diligence.domain.assessment.Publication;
import dev.diligence.domain.assessment.Retraction;
import dev.diligence.domain.assessment.ReviewComment;
import dev.diligence.domain.assessment.ReviewTrail;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.framework.Frameworks;
import dev.diligence.domain.scoring.AssessmentContext;
import dev.diligence.domain.scoring.Confidence;
import dev.diligence.domain.scoring.CriterionScore;
import dev.diligence.domain.scoring.DimensionResult;
import dev.diligence.domain.scoring.EuAiActTier;
import dev.diligence.domain.scoring.OverallResult;
import dev.diligence.domain.scoring.ScoreState;
import dev.diligence.domain.scoring.ScoringEngine;
import dev.diligence.domain.scoring.ScoringResult;
import dev.diligence.domain.scoring.SensitiveDomain;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class AssessmentPersistenceAdapter implements Assessments {

    private static final String EDITOR = "EDITOR";
    private static final String SUBMITTER = "SUBMITTER";

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;
    private final Frameworks frameworks;
    private final ScoringEngine engine = new ScoringEngine();

    AssessmentPersistenceAdapter(NamedParameterJdbcTemplate jdbc, CurrentTenant currentTenant, Frameworks frameworks) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
        this.frameworks = frameworks;
    }

    @Override
    public Optional<Assessment> find(AssessmentId id) {
        return load("id = :id", tenant().addValue("id", id.value())).stream().findFirst();
    }

    @Override
    public Assessment add(Assessment assessment) {
        jdbc.update("""
                insert into assessments (tenant_id, id, company_id, framework_version, status, models_in_production,
                    eu_ai_act_tier, sensitive_domains, lowest_impact_ratio, fairness_mitigation_documented, lead_assessor,
                    version, created_at, updated_at)
                values (:tenant, :id, :company, :frameworkVersion, 'DRAFT', :modelsInProduction, :tier,
                    cast(:domains as text[]), :impactRatio, :fairness, :leadAssessor, :version, :createdAt, :updatedAt)""",
                row(assessment));
        writeChildren(assessment);
        // the status, publication and retraction columns go together, checked by the table
        jdbc.update("update assessments set " + STATE_COLUMNS + " where tenant_id = :tenant and id = :id", row(assessment));
        return assessment;
    }

    @Override
    public Assessment update(Assessment assessment) {
        int changed = jdbc.update("update assessments set models_in_production = :modelsInProduction, eu_ai_act_tier = :tier,"
                + " sensitive_domains = cast(:domains as text[]), lowest_impact_ratio = :impactRatio,"
                + " fairness_mitigation_documented = :fairness, lead_assessor = :leadAssessor, " + STATE_COLUMNS
                + ", version = version + 1 where tenant_id = :tenant and id = :id and version = :version", row(assessment));
        if (changed == 0) {
            throw new RuleViolationException(Violation.of("expectedVersion", ViolationCode.STALE_VERSION,
                    "the assessment was changed concurrently; read it again"));
        }
        writeChildren(assessment);
        return new Assessment(assessment.id(), assessment.company(), assessment.frameworkVersion(), assessment.context(),
                assessment.leadAssessor(), assessment.criteria(), assessment.status(), assessment.review(),
                assessment.publication(), assessment.retraction(), assessment.version() + 1, assessment.createdAt(),
                assessment.updatedAt());
    }

    @Override
    public Optional<Assessment> latestPublished(CompanyId company) {
        // the candidates with the latest publication time; LatestPublished breaks ties as the domain does
        List<Assessment> latest = load("""
                company_id = :company and status = 'PUBLISHED' and published_at = (select max(published_at) from assessments
                    where tenant_id = :tenant and company_id = :company and status = 'PUBLISHED')""",
                tenant().addValue("company", company.value()));
        return LatestPublished.of(company, latest);
    }

    @Override
    public List<Assessment> ofCompany(CompanyId company) {
        return load("company_id = :company", tenant().addValue("company", company.value()));
    }

    private static final String STATE_COLUMNS = """
            status = :status, updated_at = :updatedAt, published_by = :publishedBy, published_at = :publishedAt,
            overall_score = :overallScore, overall_percentage = :overallPercentage, overall_floor = :overallFloor,
            overall_confidence = :overallConfidence, coverage = :coverage, level = :level,
            level_suppressed = :levelSuppressed, deal_level_red_flag = :dealLevelRedFlag,
            retracted_by = :retractedBy, retraction_reason = :retractionReason, retracted_at = :retractedAt""";

    private MapSqlParameterSource row(Assessment a) {
        AssessmentContext context = a.context();
        MapSqlParameterSource row = tenant().addValue("id", a.id().value()).addValue("company", a.company().value())
                .addValue("frameworkVersion", a.frameworkVersion()).addValue("status", a.status().name())
                .addValue("modelsInProduction", context.modelsInProduction()).addValue("tier", context.euAiActTier().name())
                .addValue("domains", "{" + context.sensitiveDomains().stream().map(Enum::name).sorted()
                        .collect(Collectors.joining(",")) + "}")
                .addValue("impactRatio", context.lowestImpactRatio())
                .addValue("fairness", context.fairnessMitigationDocumented()).addValue("leadAssessor", a.leadAssessor())
                .addValue("version", a.version()).addValue("createdAt", timestamp(a.createdAt()))
                .addValue("updatedAt", timestamp(a.updatedAt()));
        Publication publication = a.publication();
        ScoringResult result = publication == null ? null : publication.result();
        OverallResult overall = result == null ? null : result.overall();
        row.addValue("publishedBy", publication == null ? null : publication.publishedBy())
                .addValue("publishedAt", publication == null ? null : timestamp(publication.publishedAt()))
                .addValue("overallScore", overall == null ? null : overall.score())
                .addValue("overallPercentage", overall == null ? null : overall.percentage())
                .addValue("overallFloor", overall == null ? null : overall.floor())
                .addValue("overallConfidence", overall == null ? null : overall.confidence())
                .addValue("coverage", result == null ? null : result.coverage())
                .addValue("level", result == null ? null : result.level().orElse(null))
                .addValue("levelSuppressed", result == null ? null : overall != null && overall.levelSuppressed())
                .addValue("dealLevelRedFlag", result == null ? null : result.dealLevelRedFlag());
        Retraction retraction = a.retraction();
        return row.addValue("retractedBy", retraction == null ? null : retraction.retractedBy())
                .addValue("retractionReason", retraction == null ? null : retraction.reason())
                .addValue("retractedAt", retraction == null ? null : timestamp(retraction.retractedAt()));
    }

    /** Criteria upserted, evidence upserted and pruned, the review trail and stored results only added to. */
    private void writeChildren(Assessment a) {
        UUID id = a.id().value();
        int position = 0;
        List<UUID> evidenceIds = new ArrayList<>();
        for (CriterionAssessment criterion : a.criteria().all()) {
            CriterionScore score = criterion.score();
            jdbc.update("""
                    insert into assessment_criteria (tenant_id, assessment_id, criterion_code, position, state, level,
                        confidence, not_applicable_reason, target_level, rationale)
                    values (:tenant, :id, :code, :position, :state, :level, :confidence, :reason, :target, :rationale)
                    on conflict (tenant_id, assessment_id, criterion_code) do update set position = excluded.position,
                        state = excluded.state, level = excluded.level, confidence = excluded.confidence,
                        not_applicable_reason = excluded.not_applicable_reason, target_level = excluded.target_level,
                        rationale = excluded.rationale""",
                    tenant().addValue("id", id).addValue("code", criterion.code()).addValue("position", position++)
                            .addValue("state", score.state().name()).addValue("level", score.level())
                            .addValue("confidence", score.confidence() == null ? null : score.confidence().name())
                            .addValue("reason", score.notApplicableReason()).addValue("target", score.targetLevel())
                            .addValue("rationale", criterion.rationale()));
            int itemPosition = 0;
            for (EvidenceItem item : criterion.evidence()) {
                evidenceIds.add(item.id());
                jdbc.update("""
                        insert into assessment_evidence (tenant_id, id, assessment_id, criterion_code, position, kind, value, added_by, added_at)
                        values (:tenant, :itemId, :id, :code, :position, :kind, :value, :addedBy, :addedAt)
                        on conflict (tenant_id, id) do update set position = excluded.position""",
                        tenant().addValue("itemId", item.id()).addValue("id", id).addValue("code", criterion.code())
                                .addValue("position", itemPosition++).addValue("kind", item.kind().name())
                                .addValue("value", item.value()).addValue("addedBy", item.addedBy())
                                .addValue("addedAt", timestamp(item.addedAt())));
            }
        }
        jdbc.update("delete from assessment_evidence where tenant_id = :tenant and assessment_id = :id"
                + " and not (id = any(cast(:kept as uuid[])))",
                tenant().addValue("id", id).addValue("kept", evidenceIds.stream().map(UUID::toString)
                        .collect(Collectors.joining(",", "{", "}"))));
        ReviewTrail review = a.review();
        participants(id, EDITOR, review.editors());
        participants(id, SUBMITTER, review.submitters());
        int commentPosition = 0;
        for (ReviewComment comment : review.comments()) {
            jdbc.update("""
                    insert into assessment_review_comments (tenant_id, assessment_id, position, reviewer, text, commented_at)
                    values (:tenant, :id, :position, :reviewer, :text, :at) on conflict do nothing""",
                    tenant().addValue("id", id).addValue("position", commentPosition++).addValue("reviewer", comment.reviewer())
                            .addValue("text", comment.text()).addValue("at", timestamp(comment.at())));
        }
        if (a.publication() != null) {
            storeDimensions(id, a.publication().result());
        }
    }

    private void participants(UUID id, String role, Set<String> subjects) {
        for (String subject : subjects) {
            jdbc.update("insert into assessment_participants (tenant_id, assessment_id, role, subject)"
                    + " values (:tenant, :id, :role, :subject) on conflict do nothing",
                    tenant().addValue("id", id).addValue("role", role).addValue("subject", subject));
        }
    }

    private void storeDimensions(UUID id, ScoringResult result) {
        int position = 0;
        for (DimensionResult d : result.dimensions()) {
            jdbc.update("""
                    insert into assessment_dimension_results (tenant_id, assessment_id, dimension_code, position, weight,
                        applicable, score, uncapped_score, capped_by, coverage, provisional, confidence)
                    values (:tenant, :id, :code, :position, :weight, :applicable, :score, :uncapped, :cappedBy, :coverage,
                        :provisional, :confidence) on conflict do nothing""",
                    tenant().addValue("id", id).addValue("code", d.code()).addValue("position", position++)
                            .addValue("weight", d.weight()).addValue("applicable", d.applicable()).addValue("score", d.score())
                            .addValue("uncapped", d.uncappedScore()).addValue("cappedBy", d.cappedBy())
                            .addValue("coverage", d.coverage()).addValue("provisional", d.provisional())
                            .addValue("confidence", d.confidence()));
        }
    }

    private List<Assessment> load(String condition, MapSqlParameterSource parameters) {
        List<Row> rows = jdbc.query("select * from assessments where tenant_id = :tenant and " + condition
                + " order by created_at desc, id desc", parameters, (rs, index) -> Row.of(rs));
        return rows.stream().map(this::assemble).toList();
    }

    private Assessment assemble(Row row) {
        MapSqlParameterSource of = tenant().addValue("id", row.id());
        Map<String, List<EvidenceItem>> evidence = new LinkedHashMap<>();
        jdbc.query("select * from assessment_evidence where tenant_id = :tenant and assessment_id = :id"
                + " order by criterion_code, position", of, rs -> {
                    evidence.computeIfAbsent(rs.getString("criterion_code"), code -> new ArrayList<>())
                            .add(new EvidenceItem(rs.getObject("id", UUID.class), EvidenceKind.valueOf(rs.getString("kind")),
                                    rs.getString("value"), rs.getString("added_by"), instant(rs, "added_at")));
                });
        Map<String, CriterionAssessment> criteria = new LinkedHashMap<>();
        jdbc.query("select * from assessment_criteria where tenant_id = :tenant and assessment_id = :id order by position", of, rs -> {
            String code = rs.getString("criterion_code");
            String confidence = rs.getString("confidence");
            CriterionScore score = new CriterionScore(ScoreState.valueOf(rs.getString("state")), integer(rs, "level"),
                    confidence == null ? null : Confidence.valueOf(confidence), rs.getString("not_applicable_reason"), 0,
                    integer(rs, "target_level"));
            criteria.put(code, new CriterionAssessment(code, score, rs.getString("rationale"),
                    evidence.getOrDefault(code, List.of())));
        });
        Set<String> editors = new HashSet<>();
        Set<String> submitters = new HashSet<>();
        jdbc.query("select role, subject from assessment_participants where tenant_id = :tenant and assessment_id = :id", of,
                rs -> {
                    (EDITOR.equals(rs.getString("role")) ? editors : submitters).add(rs.getString("subject"));
                });
        List<ReviewComment> comments = jdbc.query("select * from assessment_review_comments where tenant_id = :tenant"
                + " and assessment_id = :id order by position", of,
                (rs, index) -> new ReviewComment(rs.getString("reviewer"), rs.getString("text"), instant(rs, "commented_at")));
        CriterionAssessments recorded = new CriterionAssessments(criteria);
        Publication publication = row.publishedBy() == null ? null
                : new Publication(row.publishedBy(), row.publishedAt(), rescore(row, recorded));
        return new Assessment(new AssessmentId(row.id()), new CompanyId(row.company()), row.frameworkVersion(), row.context(),
                row.leadAssessor(), recorded, row.status(), new ReviewTrail(editors, submitters, comments), publication,
                row.retraction(), row.version(), row.createdAt(), row.updatedAt());
    }

    private ScoringResult rescore(Row row, CriterionAssessments recorded) {
        FrameworkVersion version = frameworks.find(row.frameworkVersion())
                .orElseThrow(() -> new IllegalStateException("framework version " + row.frameworkVersion() + " is not stored"));
        return engine.score(version, row.context(), recorded.scores());
    }

    private MapSqlParameterSource tenant() {
        UUID tenant = currentTenant.get().orElseThrow(() -> new IllegalStateException("assessments need a current tenant")).value();
        return new MapSqlParameterSource("tenant", tenant);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** The columns of one {@code assessments} row. */
    private record Row(UUID id, UUID company, int frameworkVersion, AssessmentStatus status, AssessmentContext context,
            String leadAssessor, @Nullable String publishedBy, @Nullable Instant publishedAt, @Nullable Retraction retraction,
            long version, Instant createdAt, Instant updatedAt) {

        static Row of(ResultSet rs) throws SQLException {
            Set<SensitiveDomain> domains = Arrays.stream((String[]) rs.getArray("sensitive_domains").getArray())
                    .map(SensitiveDomain::valueOf).collect(Collectors.toSet());
            AssessmentContext context = new AssessmentContext(rs.getBoolean("models_in_production"),
                    EuAiActTier.valueOf(rs.getString("eu_ai_act_tier")), domains, rs.getBigDecimal("lowest_impact_ratio"),
                    rs.getBoolean("fairness_mitigation_documented"));
            String retractedBy = rs.getString("retracted_by");
            Retraction retraction = retractedBy == null ? null
                    : new Retraction(retractedBy, rs.getString("retraction_reason"), instant(rs, "retracted_at"));
            return new Row(rs.getObject("id", UUID.class), rs.getObject("company_id", UUID.class), rs.getInt("framework_version"),
                    AssessmentStatus.valueOf(rs.getString("status")), context, rs.getString("lead_assessor"),
                    rs.getString("published_by"), instant(rs, "published_at"), retraction, rs.getLong("version"),
                    instant(rs, "created_at"), instant(rs, "updated_at"));
        }
    }
}
