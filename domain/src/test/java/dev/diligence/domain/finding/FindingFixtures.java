package dev.diligence.domain.finding;

import dev.diligence.domain.assessment.AssessmentId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Test data: findings with valid defaults, driven through the real transitions. */
final class FindingFixtures {

    static final AssessmentId ASSESSMENT = AssessmentId.random();
    static final Instant RAISED = Instant.parse("2026-03-04T09:00:00Z");
    static final Instant FIXED = Instant.parse("2026-03-18T15:30:00Z");

    private FindingFixtures() {}

    static Builder aFinding() {
        return new Builder();
    }

    static final class Builder {

        private String title = "No drift monitoring on the credit model";
        private Severity severity = Severity.HIGH;
        private String criterion = "C3.1";

        Builder titled(String value) {
            this.title = value;
            return this;
        }

        Builder severity(Severity value) {
            this.severity = value;
            return this;
        }

        Builder about(String criterionCode) {
            this.criterion = criterionCode;
            return this;
        }

        FindingContent content() {
            return new FindingContent(
                    title,
                    "Only infrastructure metrics are watched.",
                    severity,
                    "cto-carl",
                    LocalDate.parse("2026-06-30"),
                    "Add data drift checks to the pipeline",
                    List.of());
        }

        Finding open() {
            return Finding.raise(ASSESSMENT, criterion, content(), FindingSource.assessor(), RAISED);
        }

        Finding in(FindingStatus status) {
            Finding finding = open();
            return switch (status) {
                case OPEN -> finding;
                case IN_REMEDIATION -> finding.startRemediation();
                case RESOLVED -> finding.resolve("drift checks added", FIXED);
                case ACCEPTED_RISK -> finding.acceptRisk(true, "model retired next quarter", FIXED);
            };
        }
    }
}
