package dev.diligence.domain.assessment;

import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who took part in an assessment, for the four-eyes rule. Invariants: it only ever grows — nobody is
 * removed from {@code editors} or {@code submitters} when changes are requested, and comments are
 * never removed — so a person who edited or submitted any round can never publish.
 *
 * @param editors    subjects who started the draft or changed its scores, evidence or context
 * @param submitters subjects who submitted it for review, in any round
 * @param comments   the change requests, oldest first
 */
public record ReviewTrail(Set<String> editors, Set<String> submitters, List<ReviewComment> comments) {

    public ReviewTrail {
        editors = Set.copyOf(editors);
        submitters = Set.copyOf(submitters);
        comments = List.copyOf(comments);
    }

    /** The trail of a draft just started by {@code starter}, who counts as its first editor. */
    public static ReviewTrail startedBy(String starter) {
        return new ReviewTrail(Set.of(starter), Set.of(), List.of());
    }

    /** True when {@code subject} submitted or edited the assessment: they may not publish it. */
    public boolean involves(String subject) {
        return editors.contains(subject) || submitters.contains(subject);
    }

    /**
     * The four-eyes rule, whatever the subject's roles: refuses with {@code INVALID} at
     * {@code ["reviewer"]} when {@code reviewer} submitted or edited the assessment.
     */
    public void requireIndependent(String reviewer) {
        if (involves(reviewer)) {
            throw new RuleViolationException(Violation.of(
                    "reviewer",
                    ViolationCode.INVALID,
                    "four eyes: " + reviewer + " submitted or edited this assessment and cannot publish it"));
        }
    }

    ReviewTrail editedBy(String subject) {
        return new ReviewTrail(plus(editors, subject), submitters, comments);
    }

    ReviewTrail submittedBy(String subject) {
        return new ReviewTrail(editors, plus(submitters, subject), comments);
    }

    ReviewTrail commented(ReviewComment comment) {
        List<ReviewComment> more = new ArrayList<>(comments);
        more.add(comment);
        return new ReviewTrail(editors, submitters, more);
    }

    private static Set<String> plus(Set<String> set, String subject) {
        Set<String> more = new LinkedHashSet<>(set);
        more.add(subject);
        return more;
    }
}
