package dev.diligence.domain.scoring;

import dev.diligence.domain.framework.MaturityLevel;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an assessor recorded for one criterion, as the scoring engine reads it. Values may be invalid
 * while a command is checked; {@link #violations} tells which rules they break. Valid means: a
 * {@code SCORED} criterion has a level (0-4) and a confidence, and only it has them; a
 * {@code NOT_APPLICABLE} criterion has a reason, and only it has one; evidence is never negative; an
 * explicit target is a level (0-4) in any state.
 *
 * @param evidenceCount how many evidence items support the score (the gate only asks whether there is any)
 * @param targetLevel   the explicit target; absent means the context's default target
 */
public record CriterionScore(
        ScoreState state,
        @Nullable Integer level,
        @Nullable Confidence confidence,
        @Nullable String notApplicableReason,
        int evidenceCount,
        @Nullable Integer targetLevel) {

    public static final int REASON_MAX_LENGTH = 2000;

    public CriterionScore {
        Objects.requireNonNull(state, "state");
    }

    public static CriterionScore scored(int level, Confidence confidence, int evidenceCount) {
        return new CriterionScore(ScoreState.SCORED, level, confidence, null, evidenceCount, null);
    }

    public static CriterionScore notApplicable(String reason) {
        return new CriterionScore(ScoreState.NOT_APPLICABLE, null, null, reason, 0, null);
    }

    /** Not assessed yet: what every criterion without a recorded score counts as. */
    public static CriterionScore unknown() {
        return new CriterionScore(ScoreState.UNKNOWN, null, null, null, 0, null);
    }

    /** This score with an explicit target level. */
    public CriterionScore withTarget(@Nullable Integer target) {
        return new CriterionScore(state, level, confidence, notApplicableReason, evidenceCount, target);
    }

    public boolean isScored() {
        return state == ScoreState.SCORED;
    }

    /** Every rule this score breaks, reported under {@code field} (e.g. ["scores", "C2.1"]). */
    public List<Violation> violations(List<String> field) {
        List<Violation> out = new ArrayList<>();
        if (isScored()) {
            if (level == null) {
                out.add(violation(field, "level", ViolationCode.REQUIRED, "a scored criterion needs a level"));
            } else if (!MaturityLevel.isLevel(level)) {
                out.add(violation(field, "level", ViolationCode.OUT_OF_RANGE, "level must be between 0 and 4"));
            }
            if (confidence == null) {
                out.add(violation(
                        field, "confidence", ViolationCode.REQUIRED, "a scored criterion needs a confidence"));
            }
        } else {
            if (level != null) {
                out.add(violation(field, "level", ViolationCode.INVALID, "only a scored criterion has a level"));
            }
            if (confidence != null) {
                out.add(violation(
                        field, "confidence", ViolationCode.INVALID, "only a scored criterion has a confidence"));
            }
        }
        checkReason(field, out);
        if (evidenceCount < 0) {
            out.add(violation(
                    field, "evidenceCount", ViolationCode.OUT_OF_RANGE, "evidenceCount must not be negative"));
        }
        if (targetLevel != null && !MaturityLevel.isLevel(targetLevel)) {
            out.add(violation(field, "targetLevel", ViolationCode.OUT_OF_RANGE, "targetLevel must be between 0 and 4"));
        }
        return out;
    }

    private void checkReason(List<String> field, List<Violation> out) {
        if (state == ScoreState.NOT_APPLICABLE) {
            if (notApplicableReason == null || notApplicableReason.isBlank()) {
                out.add(violation(
                        field,
                        "notApplicableReason",
                        ViolationCode.REQUIRED,
                        "a criterion that does not apply needs a reason"));
            } else if (notApplicableReason.strip().length() > REASON_MAX_LENGTH) {
                out.add(violation(
                        field,
                        "notApplicableReason",
                        ViolationCode.TOO_LONG,
                        "notApplicableReason must be at most " + REASON_MAX_LENGTH + " characters"));
            }
        } else if (notApplicableReason != null) {
            out.add(violation(
                    field,
                    "notApplicableReason",
                    ViolationCode.INVALID,
                    "only a criterion that does not apply has a notApplicableReason"));
        }
    }

    private static Violation violation(List<String> field, String attribute, ViolationCode code, String message) {
        List<String> path = new ArrayList<>(field);
        path.add(attribute);
        return new Violation(path, code, message);
    }
}
