package dev.diligence.bench.assessment;

import dev.diligence.bench.portfolio.SeededIds;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.assessment.AssessmentStatus;
import dev.diligence.domain.finding.Finding;
import dev.diligence.domain.finding.FindingContent;
import dev.diligence.domain.finding.FindingId;
import dev.diligence.domain.finding.FindingSource;
import dev.diligence.domain.finding.RedFlagFindings;
import dev.diligence.domain.finding.Severity;
import dev.diligence.domain.framework.FrameworkV1;
import dev.diligence.domain.framework.StandardReference;
import dev.diligence.domain.scoring.RedFlag;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/**
 * The findings of assessments, built through the domain. Rule findings are what
 * {@link RedFlagFindings} raises for the fired red flags while the assessment is a draft (one per
 * flag, the flag's severity); they stay open on the latest publication and on open drafts, and about
 * half of those of a superseded publication were resolved when the next one came. Assessor findings
 * (0-3 per publication) have any severity and any status, closed ones closed before the anchor.
 */
final class CompanyFindings {

    private static final String[] TITLES = {
        "Model registry lacks lineage to training data",
        "No drift monitoring on the credit scoring model",
        "Fairness testing not repeated after retraining",
        "Manual deployment of models to production",
        "Incident response plan omits AI systems",
        "Training data retention undocumented",
        "Human oversight procedure missing for high-risk use",
        "Feature pipeline duplicated between training and serving",
        "No rollback path for model releases",
        "Third-party model usage not inventoried"
    };
    private static final Severity[] SEVERITIES = Severity.values();
    private static final List<StandardReference> REFERENCES = List.of(
            StandardReference.nist("MEASURE 2.7"),
            StandardReference.euAiAct("Art. 9"),
            StandardReference.iso42001("A.6.2.4"),
            StandardReference.nist("GOVERN 1.2"));

    private final Random random;
    private final SeededIds ids;
    private final Instant anchor;
    private final FindingRows rows;

    CompanyFindings(Random random, SeededIds ids, Instant anchor, FindingRows rows) {
        this.random = random;
        this.ids = ids;
        this.anchor = anchor;
        this.rows = rows;
    }

    /**
     * The rule findings of {@code fired}, raised when the draft was scored at {@code raisedAt}; when
     * {@code resolvedAt} is given, about half of them were resolved then.
     */
    void ruleFindings(AssessmentId assessment, List<RedFlag> fired, Instant raisedAt, Instant resolvedAt) {
        for (Finding raised : RedFlagFindings.reconcile(assessment, AssessmentStatus.DRAFT, List.of(), fired, raisedAt)
                .raise()) {
            Finding finding = withSeededId(raised);
            if (resolvedAt != null && random.nextBoolean()) {
                finding = finding.resolve("No longer found by the follow-up assessment.", resolvedAt);
            }
            rows.write(finding);
        }
    }

    /** 0-3 findings an assessor raised on the publication at {@code publishedAt}. */
    void assessorFindings(AssessmentId assessment, Instant publishedAt) {
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            Instant opened = publishedAt.plus(Duration.ofMinutes(random.nextInt(72 * 60)));
            if (!opened.isBefore(anchor)) {
                opened = publishedAt;
            }
            Finding finding = withSeededId(
                    Finding.raise(assessment, criterion(), content(opened), FindingSource.assessor(), opened));
            rows.write(progressed(finding, opened));
        }
    }

    private FindingContent content(Instant opened) {
        String title = TITLES[random.nextInt(TITLES.length)];
        boolean planned = random.nextBoolean();
        return new FindingContent(
                title,
                "Observed during the assessment: " + title.toLowerCase() + ".",
                SEVERITIES[random.nextInt(SEVERITIES.length)],
                random.nextInt(3) == 0 ? null : "owner-" + (1 + random.nextInt(12)),
                planned ? LocalDate.ofInstant(opened, ZoneOffset.UTC).plusDays(30 + random.nextInt(150)) : null,
                planned ? "Agree a remediation milestone with the portfolio company and track it monthly." : null,
                random.nextInt(3) == 0 ? List.of(REFERENCES.get(random.nextInt(REFERENCES.size()))) : List.of());
    }

    private String criterion() {
        var criteria = FrameworkV1.VERSION.criteria();
        return random.nextInt(10) < 3
                ? null
                : criteria.get(random.nextInt(criteria.size())).code();
    }

    /** Open 40%, in remediation 20%, resolved 25%, accepted risk 15%; closed after it opened, before the anchor. */
    private Finding progressed(Finding open, Instant opened) {
        int roll = random.nextInt(20);
        if (roll < 8) {
            return open;
        }
        if (roll < 12) {
            return open.startRemediation();
        }
        Instant closed = opened.plus(Duration.ofHours(1 + random.nextInt(24 * 120)));
        if (!closed.isBefore(anchor)) {
            closed = opened.plus(Duration.between(opened, anchor).dividedBy(2));
        }
        return roll < 17
                ? open.startRemediation().resolve("Fixed and verified with the company.", closed)
                : open.acceptRisk(true, "Accepted by the investment committee until the next assessment.", closed);
    }

    private Finding withSeededId(Finding f) {
        return new Finding(
                new FindingId(ids.next()),
                f.assessment(),
                f.criterion(),
                f.content(),
                f.source(),
                f.status(),
                f.openedAt(),
                f.closedAt(),
                f.closingNote(),
                f.version());
    }
}
