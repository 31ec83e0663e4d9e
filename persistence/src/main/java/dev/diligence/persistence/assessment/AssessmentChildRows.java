package dev.diligence.persistence.assessment;

import static dev.diligence.persistence.assessment.AssessmentSql.EDITOR;
import static dev.diligence.persistence.assessment.AssessmentSql.SUBMITTER;

import dev.diligence.domain.assessment.Assessment;
import dev.diligence.domain.assessment.CriterionAssessment;
import dev.diligence.domain.assessment.EvidenceItem;
import dev.diligence.domain.assessment.ReviewComment;
import dev.diligence.domain.assessment.ReviewTrail;
import dev.diligence.domain.scoring.CriterionResult;
import dev.diligence.domain.scoring.CriterionScore;
import dev.diligence.domain.scoring.DimensionResult;
import dev.diligence.domain.scoring.RedFlag;
import dev.diligence.domain.scoring.ScoringResult;
import dev.diligence.persistence.sql.Timestamps;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The child tables of an assessment (V014): criteria, evidence, participants, review comments and
 * stored dimension results (a publication's, or an unpublished assessment's working score, V024).
 * Called only from {@link AssessmentPersistenceAdapter}, so it runs in that adapter's mandatory
 * transaction, after the {@code assessments} row exists.
 */
@Component
class AssessmentChildRows {

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;

    AssessmentChildRows(NamedParameterJdbcTemplate jdbc, CurrentTenant currentTenant) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
    }

    /**
     * Criteria upserted, evidence upserted and pruned, the review trail and stored results only added
     * to. Rows of one table go in one JDBC batch, so a change costs a few round trips, not one per row.
     */
    void write(Assessment a) {
        UUID id = a.id().value();
        int position = 0;
        List<UUID> evidenceIds = new ArrayList<>();
        List<MapSqlParameterSource> criteria = new ArrayList<>();
        List<MapSqlParameterSource> evidence = new ArrayList<>();
        for (CriterionAssessment criterion : a.criteria().all()) {
            CriterionScore score = criterion.score();
            criteria.add(tenant().addValue("id", id)
                    .addValue("code", criterion.code())
                    .addValue("position", position++)
                    .addValue("state", score.state().name())
                    .addValue("level", score.level())
                    .addValue(
                            "confidence",
                            score.confidence() == null
                                    ? null
                                    : score.confidence().name())
                    .addValue("reason", score.notApplicableReason())
                    .addValue("target", score.targetLevel())
                    .addValue("rationale", criterion.rationale()));
            int itemPosition = 0;
            for (EvidenceItem item : criterion.evidence()) {
                evidenceIds.add(item.id());
                evidence.add(tenant().addValue("itemId", item.id())
                        .addValue("id", id)
                        .addValue("code", criterion.code())
                        .addValue("position", itemPosition++)
                        .addValue("kind", item.kind().name())
                        .addValue("value", item.value())
                        .addValue("addedBy", item.addedBy())
                        .addValue("addedAt", Timestamps.of(item.addedAt())));
            }
        }
        jdbc.batchUpdate("""
                insert into assessment_criteria (tenant_id, assessment_id, criterion_code, position, state, level,
                    confidence, not_applicable_reason, target_level, rationale)
                values (:tenant, :id, :code, :position, :state, :level, :confidence, :reason, :target, :rationale)
                on conflict (tenant_id, assessment_id, criterion_code) do update set position = excluded.position,
                    state = excluded.state, level = excluded.level, confidence = excluded.confidence,
                    not_applicable_reason = excluded.not_applicable_reason, target_level = excluded.target_level,
                    rationale = excluded.rationale""", criteria.toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate("""
                insert into assessment_evidence (tenant_id, id, assessment_id, criterion_code, position, kind, value, added_by, added_at)
                values (:tenant, :itemId, :id, :code, :position, :kind, :value, :addedBy, :addedAt)
                on conflict (tenant_id, id) do update set position = excluded.position""", evidence.toArray(MapSqlParameterSource[]::new));
        jdbc.update(
                "delete from assessment_evidence where tenant_id = :tenant and assessment_id = :id"
                        + " and not (id = any(cast(:kept as uuid[])))",
                tenant().addValue("id", id)
                        .addValue(
                                "kept",
                                evidenceIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"))));
        ReviewTrail review = a.review();
        participants(id, EDITOR, review.editors());
        participants(id, SUBMITTER, review.submitters());
        int commentPosition = 0;
        for (ReviewComment comment : review.comments()) {
            jdbc.update(
                    """
                    insert into assessment_review_comments (tenant_id, assessment_id, position, reviewer, text, commented_at)
                    values (:tenant, :id, :position, :reviewer, :text, :at) on conflict do nothing""",
                    tenant().addValue("id", id)
                            .addValue("position", commentPosition++)
                            .addValue("reviewer", comment.reviewer())
                            .addValue("text", comment.text())
                            .addValue("at", Timestamps.of(comment.at())));
        }
        if (a.publication() != null) {
            storeDimensions(id, a.publication().result());
            storeCriteria(id, a.publication().result());
            storeRedFlags(id, a.publication().result());
        }
    }

    private void participants(UUID id, String role, Set<String> subjects) {
        for (String subject : subjects) {
            jdbc.update(
                    "insert into assessment_participants (tenant_id, assessment_id, role, subject)"
                            + " values (:tenant, :id, :role, :subject) on conflict do nothing",
                    tenant().addValue("id", id).addValue("role", role).addValue("subject", subject));
        }
    }

    /**
     * Replaces the stored dimension results of the assessment with {@code result}'s: at publication,
     * and at every save of an unpublished assessment ({@link AssessmentPersistenceAdapter#storeWorkingScore}).
     */
    void storeDimensions(UUID id, ScoringResult result) {
        jdbc.update(
                "delete from assessment_dimension_results where tenant_id = :tenant and assessment_id = :id",
                tenant().addValue("id", id));
        List<MapSqlParameterSource> rows = new ArrayList<>();
        int position = 0;
        for (DimensionResult d : result.dimensions()) {
            rows.add(tenant().addValue("id", id)
                    .addValue("code", d.code())
                    .addValue("position", position++)
                    .addValue("weight", d.weight())
                    .addValue("applicable", d.applicable())
                    .addValue("score", d.score())
                    .addValue("uncapped", d.uncappedScore())
                    .addValue("cappedBy", d.cappedBy())
                    .addValue("coverage", d.coverage())
                    .addValue("provisional", d.provisional())
                    .addValue("confidence", d.confidence()));
        }
        jdbc.batchUpdate("""
                insert into assessment_dimension_results (tenant_id, assessment_id, dimension_code, position, weight,
                    applicable, score, uncapped_score, capped_by, coverage, provisional, confidence)
                values (:tenant, :id, :code, :position, :weight, :applicable, :score, :uncapped, :cappedBy, :coverage,
                    :provisional, :confidence)""", rows.toArray(MapSqlParameterSource[]::new));
    }

    private void storeCriteria(UUID id, ScoringResult result) {
        MapSqlParameterSource[] rows =
                new MapSqlParameterSource[result.criteria().size()];
        for (int i = 0; i < rows.length; i++) {
            CriterionResult c = result.criteria().get(i);
            rows[i] = tenant().addValue("id", id)
                    .addValue("code", c.code())
                    .addValue("position", i)
                    .addValue("dimension", c.dimension())
                    .addValue("state", c.state().name())
                    .addValue("recorded", c.recordedLevel())
                    .addValue("effective", c.effectiveLevel())
                    .addValue("gated", c.gated())
                    .addValue("target", c.target())
                    .addValue("explicitTarget", c.explicitTarget())
                    .addValue("gap", c.gap())
                    .addValue("priority", c.priority());
        }
        jdbc.batchUpdate("""
                insert into assessment_criterion_results (tenant_id, assessment_id, criterion_code, position, dimension_code,
                    state, recorded_level, effective_level, gated, target, explicit_target, gap, priority)
                values (:tenant, :id, :code, :position, :dimension, :state, :recorded, :effective, :gated, :target,
                    :explicitTarget, :gap, :priority) on conflict do nothing""", rows);
    }

    private void storeRedFlags(UUID id, ScoringResult result) {
        MapSqlParameterSource[] rows =
                new MapSqlParameterSource[result.redFlags().size()];
        for (int i = 0; i < rows.length; i++) {
            RedFlag flag = result.redFlags().get(i);
            rows[i] = tenant().addValue("id", id)
                    .addValue("position", i)
                    .addValue("rule", flag.rule())
                    .addValue("criterion", flag.criterion())
                    .addValue("severity", flag.severity().name())
                    .addValue("dealLevel", flag.dealLevel());
        }
        jdbc.batchUpdate("""
                insert into assessment_red_flags (tenant_id, assessment_id, position, rule_id, criterion_code, severity, deal_level)
                values (:tenant, :id, :position, :rule, :criterion, :severity, :dealLevel) on conflict do nothing""", rows);
    }

    private MapSqlParameterSource tenant() {
        return AssessmentSql.tenant(currentTenant);
    }
}
