package dev.diligence.persistence.assessment;

import static dev.diligence.persistence.assessment.AssessmentSql.EDITOR;
import static dev.diligence.persistence.assessment.AssessmentSql.integer;
import static dev.diligence.persistence.sql.Timestamps.instant;

import dev.diligence.domain.assessment.Assessment;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.assessment.AssessmentStatus;
import dev.diligence.domain.assessment.CriterionAssessment;
import dev.diligence.domain.assessment.CriterionAssessments;
import dev.diligence.domain.assessment.EvidenceItem;
import dev.diligence.domain.assessment.EvidenceKind;
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
import dev.diligence.domain.scoring.ScoreState;
import dev.diligence.domain.scoring.ScoringEngine;
import dev.diligence.domain.scoring.ScoringResult;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads assessments back from {@code assessments} and its child tables and assembles the aggregate.
 * A stored publication's full {@link ScoringResult} is not read: it is rebuilt by the pure
 * {@link ScoringEngine} from the stored inputs and the immutable framework version, once per
 * process ({@link PublishedScores}). Called only from
 * {@link AssessmentPersistenceAdapter}, so it runs in that adapter's mandatory transaction.
 */
@Component
class AssessmentQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;
    private final Frameworks frameworks;
    private final ScoringEngine engine = new ScoringEngine();
    private final PublishedScores publishedScores = new PublishedScores();

    AssessmentQueries(NamedParameterJdbcTemplate jdbc, CurrentTenant currentTenant, Frameworks frameworks) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
        this.frameworks = frameworks;
    }

    /**
     * The current tenant's assessments matching {@code condition}, newest first; parameters hold
     * {@code :tenant}. Five statements whatever the number of assessments: the rows, then each child
     * table for all of them at once.
     */
    List<Assessment> load(String condition, MapSqlParameterSource parameters) {
        List<Row> rows = jdbc.query(
                "select * from assessments where tenant_id = :tenant and " + condition
                        + " order by created_at desc, id desc",
                parameters,
                (rs, index) -> Row.of(rs));
        if (rows.isEmpty()) {
            return List.of();
        }
        Children children = children(rows.stream().map(Row::id).toList());
        Map<Integer, FrameworkVersion> versions = new HashMap<>();
        return rows.stream().map(row -> assemble(row, children, versions)).toList();
    }

    /** What the child tables hold for a set of assessments, keyed by assessment id. */
    private record Children(
            Map<UUID, Map<String, List<EvidenceItem>>> evidence,
            Map<UUID, Map<String, CriterionScoreRow>> criteria,
            Map<UUID, Set<String>> editors,
            Map<UUID, Set<String>> submitters,
            Map<UUID, List<ReviewComment>> comments) {}

    private record CriterionScoreRow(
            CriterionScore score, @Nullable String rationale) {}

    private Children children(List<UUID> ids) {
        MapSqlParameterSource of = AssessmentSql.tenant(currentTenant).addValue("ids", ids);
        Map<UUID, Map<String, List<EvidenceItem>>> evidence = new HashMap<>();
        jdbc.query(
                "select * from assessment_evidence where tenant_id = :tenant and assessment_id in (:ids)"
                        + " order by assessment_id, criterion_code, position",
                of,
                rs -> {
                    evidence.computeIfAbsent(rs.getObject("assessment_id", UUID.class), id -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getString("criterion_code"), code -> new ArrayList<>())
                            .add(new EvidenceItem(
                                    rs.getObject("id", UUID.class),
                                    EvidenceKind.valueOf(rs.getString("kind")),
                                    rs.getString("value"),
                                    rs.getString("added_by"),
                                    instant(rs, "added_at")));
                });
        Map<UUID, Map<String, CriterionScoreRow>> criteria = new HashMap<>();
        jdbc.query(
                "select * from assessment_criteria where tenant_id = :tenant and assessment_id in (:ids)"
                        + " order by assessment_id, position",
                of,
                rs -> {
                    String confidence = rs.getString("confidence");
                    CriterionScore score = new CriterionScore(
                            ScoreState.valueOf(rs.getString("state")),
                            integer(rs, "level"),
                            confidence == null ? null : Confidence.valueOf(confidence),
                            rs.getString("not_applicable_reason"),
                            0,
                            integer(rs, "target_level"));
                    criteria.computeIfAbsent(rs.getObject("assessment_id", UUID.class), id -> new LinkedHashMap<>())
                            .put(
                                    rs.getString("criterion_code"),
                                    new CriterionScoreRow(score, rs.getString("rationale")));
                });
        Map<UUID, Set<String>> editors = new HashMap<>();
        Map<UUID, Set<String>> submitters = new HashMap<>();
        jdbc.query(
                "select assessment_id, role, subject from assessment_participants where tenant_id = :tenant"
                        + " and assessment_id in (:ids)",
                of,
                rs -> {
                    (EDITOR.equals(rs.getString("role")) ? editors : submitters)
                            .computeIfAbsent(rs.getObject("assessment_id", UUID.class), id -> new HashSet<>())
                            .add(rs.getString("subject"));
                });
        Map<UUID, List<ReviewComment>> comments = new HashMap<>();
        jdbc.query(
                "select * from assessment_review_comments where tenant_id = :tenant and assessment_id in (:ids)"
                        + " order by assessment_id, position",
                of,
                rs -> {
                    comments.computeIfAbsent(rs.getObject("assessment_id", UUID.class), id -> new ArrayList<>())
                            .add(new ReviewComment(
                                    rs.getString("reviewer"), rs.getString("text"), instant(rs, "commented_at")));
                });
        return new Children(evidence, criteria, editors, submitters, comments);
    }

    /** {@code versions} caches the framework versions read so far, so each is read once per load. */
    private Assessment assemble(Row row, Children children, Map<Integer, FrameworkVersion> versions) {
        Map<String, List<EvidenceItem>> evidence = children.evidence().getOrDefault(row.id(), Map.of());
        Map<String, CriterionAssessment> criteria = new LinkedHashMap<>();
        children.criteria()
                .getOrDefault(row.id(), Map.of())
                .forEach((code, recorded) -> criteria.put(
                        code,
                        new CriterionAssessment(
                                code, recorded.score(), recorded.rationale(), evidence.getOrDefault(code, List.of()))));
        CriterionAssessments recorded = new CriterionAssessments(criteria);
        ReviewTrail trail = new ReviewTrail(
                children.editors().getOrDefault(row.id(), Set.of()),
                children.submitters().getOrDefault(row.id(), Set.of()),
                children.comments().getOrDefault(row.id(), List.of()));
        Publication publication = row.publishedBy() == null
                ? null
                : new Publication(row.publishedBy(), row.publishedAt(), rescore(row, recorded, versions));
        return new Assessment(
                new AssessmentId(row.id()),
                new CompanyId(row.company()),
                row.frameworkVersion(),
                row.context(),
                row.leadAssessor(),
                recorded,
                row.status(),
                trail,
                publication,
                row.retraction(),
                row.version(),
                row.createdAt(),
                row.updatedAt());
    }

    private ScoringResult rescore(Row row, CriterionAssessments recorded, Map<Integer, FrameworkVersion> versions) {
        UUID tenant = currentTenant
                .get()
                .orElseThrow(() -> new IllegalStateException("no tenant is set"))
                .value();
        return publishedScores.of(tenant, row.id(), () -> {
            FrameworkVersion version = versions.computeIfAbsent(
                    row.frameworkVersion(),
                    number -> frameworks
                            .find(number)
                            .orElseThrow(
                                    () -> new IllegalStateException("framework version " + number + " is not stored")));
            return engine.score(version, row.context(), recorded.scores());
        });
    }

    /** The columns of one {@code assessments} row. */
    private record Row(
            UUID id,
            UUID company,
            int frameworkVersion,
            AssessmentStatus status,
            AssessmentContext context,
            String leadAssessor,
            @Nullable String publishedBy,
            @Nullable Instant publishedAt,
            @Nullable Retraction retraction,
            long version,
            Instant createdAt,
            Instant updatedAt) {

        static Row of(ResultSet rs) throws SQLException {
            return new Row(
                    rs.getObject("id", UUID.class),
                    rs.getObject("company_id", UUID.class),
                    rs.getInt("framework_version"),
                    AssessmentStatus.valueOf(rs.getString("status")),
                    AssessmentSql.context(rs),
                    rs.getString("lead_assessor"),
                    rs.getString("published_by"),
                    instant(rs, "published_at"),
                    AssessmentSql.retraction(rs),
                    rs.getLong("version"),
                    instant(rs, "created_at"),
                    instant(rs, "updated_at"));
        }
    }
}
