package dev.diligence.domain.assessment;

import dev.diligence.domain.scoring.CriterionScore;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an assessment records for one criterion: the score the engine reads, the assessor's rationale
 * and the evidence items. Invariant: {@code score.evidenceCount()} always equals the number of
 * evidence items (the constructor rewrites it), so the evidence gate sees exactly the evidence recorded.
 */
public record CriterionAssessment(
        String code, CriterionScore score, @Nullable String rationale, List<EvidenceItem> evidence) {

    public static final int RATIONALE_MAX_LENGTH = 10_000;

    public CriterionAssessment {
        Objects.requireNonNull(code, "code");
        evidence = List.copyOf(evidence);
        score = new CriterionScore(
                score.state(),
                score.level(),
                score.confidence(),
                score.notApplicableReason(),
                evidence.size(),
                score.targetLevel());
    }

    /** Not assessed yet: {@code UNKNOWN}, no rationale, no evidence. */
    public static CriterionAssessment unassessed(String code) {
        return new CriterionAssessment(code, CriterionScore.unknown(), null, List.of());
    }

    /** This criterion re-scored; the evidence stays, the score's own evidence count is ignored. */
    CriterionAssessment rescored(CriterionScore newScore, @Nullable String newRationale) {
        return new CriterionAssessment(code, newScore, newRationale, evidence);
    }

    CriterionAssessment withEvidence(EvidenceItem item) {
        List<EvidenceItem> more = new ArrayList<>(evidence);
        more.add(item);
        return new CriterionAssessment(code, score, rationale, more);
    }

    CriterionAssessment withoutEvidence(UUID itemId) {
        return new CriterionAssessment(
                code,
                score,
                rationale,
                evidence.stream().filter(item -> !item.id().equals(itemId)).toList());
    }

    boolean hasEvidence(UUID itemId) {
        return evidence.stream().anyMatch(item -> item.id().equals(itemId));
    }

    /** Every rule a new score and rationale for {@code code} break, at {@code ["criteria", code, attribute]}. */
    static List<Violation> violations(String code, CriterionScore score, @Nullable String rationale) {
        List<String> field = List.of("criteria", code);
        List<Violation> out = new ArrayList<>(score.violations(field));
        if (rationale != null && rationale.strip().length() > RATIONALE_MAX_LENGTH) {
            out.add(new Violation(
                    List.of("criteria", code, "rationale"),
                    ViolationCode.TOO_LONG,
                    "a rationale must be at most " + RATIONALE_MAX_LENGTH + " characters"));
        }
        return out;
    }
}
