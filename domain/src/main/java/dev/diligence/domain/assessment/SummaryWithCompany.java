package dev.diligence.domain.assessment;

import dev.diligence.domain.company.Company;
import java.util.Objects;

/** An assessment's summary and its company, read together where both are shown: an assessment asked for by id. */
public record SummaryWithCompany(AssessmentSummary summary, Company company) {

    public SummaryWithCompany {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(company, "company");
        if (!summary.company().equals(company.id())) {
            throw new IllegalArgumentException(
                    "the company of assessment " + summary.id() + " is " + summary.company() + ", not " + company.id());
        }
    }
}
