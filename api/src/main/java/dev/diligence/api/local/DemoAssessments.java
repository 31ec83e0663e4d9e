package dev.diligence.api.local;

import dev.diligence.api.assessment.AssessmentService;
import dev.diligence.api.finding.FindingService;
import dev.diligence.api.security.Role;
import dev.diligence.api.security.SystemCaller;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.assessment.EvidenceKind;
import dev.diligence.domain.company.Company;
import dev.diligence.domain.company.Sector;
import dev.diligence.domain.finding.FindingContent;
import dev.diligence.domain.finding.Severity;
import dev.diligence.domain.framework.StandardReference;
import dev.diligence.domain.scoring.AssessmentContext;
import dev.diligence.domain.scoring.Confidence;
import dev.diligence.domain.scoring.CriterionScore;
import dev.diligence.domain.scoring.EuAiActTier;
import dev.diligence.domain.scoring.SensitiveDomain;
import dev.diligence.domain.tenant.Tenant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Demo assessments of a firm's companies, scored by the demo assessor and published by the demo
 * reviewer through the application services, so the workflow, four eyes and red-flag findings
 * apply as to any request. Scores follow a fixed pattern per company, so every start shows the
 * same numbers: a spread of levels, some gated levels, unknown and not-applicable criteria.
 */
final class DemoAssessments {

    private static final List<String> CRITERIA = List.of(
            "C1.1", "C1.2", "C1.3", "C2.1", "C2.2", "C2.3", "C2.4", "C3.1", "C3.2", "C3.3", "C4.1", "C4.2", "C4.3",
            "C4.4");
    private static final Confidence[] CONFIDENCES = {Confidence.HIGH, Confidence.MEDIUM, Confidence.HIGH, Confidence.LOW
    };

    private final AssessmentService assessments;
    private final FindingService findings;
    private final Tenant firm;
    private final DemoUser assessor;
    private final DemoUser reviewer;

    DemoAssessments(
            AssessmentService assessments, FindingService findings, Tenant firm, DemoUser assessor, DemoUser reviewer) {
        this.assessments = assessments;
        this.findings = findings;
        this.firm = firm;
        this.assessor = assessor;
        this.reviewer = reviewer;
    }

    /** Publishes an assessment of each of the first {@code published} companies and leaves a draft of the next {@code drafts}. */
    void assess(List<Company> companies, int published, int drafts) {
        for (int i = 0; i < Math.min(companies.size(), published + drafts); i++) {
            AssessmentId id = draft(companies.get(i), i);
            if (i < published) {
                long version = as(
                        assessor,
                        () -> assessments.find(id).orElseThrow().assessment().version());
                long submitted = as(
                        assessor,
                        () -> assessments.submit(id, version).assessment().version());
                as(reviewer, () -> assessments.publish(id, submitted));
            }
        }
    }

    private AssessmentId draft(Company company, int index) {
        return as(assessor, () -> {
            AssessmentId id = assessments
                    .create(company.id(), null, contextOf(company, index), null)
                    .assessment()
                    .id();
            long version = 0;
            for (int j = 0; j < CRITERIA.size(); j++) {
                String code = CRITERIA.get(j);
                version = assessments
                        .scoreCriterion(id, version, code, scoreOf(index, j), "Observed during the management session")
                        .assessment()
                        .version();
                if ((index + j) % 2 == 0) {
                    version = assessments
                            .addEvidence(
                                    id,
                                    version,
                                    code,
                                    EvidenceKind.DOCUMENT,
                                    "data-room/" + code.toLowerCase(Locale.ROOT) + "-" + index + ".pdf")
                            .assessment()
                            .version();
                }
            }
            if (index % 3 == 0) {
                findings.raise(
                        id,
                        "C4.1",
                        new FindingContent(
                                "Model inventory incomplete",
                                "Two production models are missing from the registry and have no model card.",
                                Severity.MEDIUM,
                                "cto@" + slug(company) + ".example",
                                LocalDate.of(2027, 3, 31),
                                "Register every production model and publish model cards",
                                List.of(StandardReference.euAiAct("Art. 11"), StandardReference.nist("MAP 4.1"))));
            }
            return id;
        });
    }

    /** Levels 0-4 in a fixed spread; every 11th criterion not assessed yet, progressive delivery N/A for every fourth company. */
    static CriterionScore scoreOf(int company, int criterion) {
        if ((company + criterion) % 11 == 0) {
            return CriterionScore.unknown();
        }
        if (criterion == 6 && company % 4 == 0) {
            return CriterionScore.notApplicable("Batch scoring only; nothing is served online");
        }
        int level = 1 + (company * 3 + criterion * 5) % 4;
        return CriterionScore.scored(level, CONFIDENCES[(company + criterion) % CONFIDENCES.length], 0);
    }

    static AssessmentContext contextOf(Company company, int index) {
        Sector sector = company.profile().sector();
        Set<SensitiveDomain> domains = switch (sector) {
            case FINANCIAL_SERVICES -> Set.of(SensitiveDomain.CREDIT);
            case HR_AND_EMPLOYMENT -> Set.of(SensitiveDomain.EMPLOYMENT);
            case HEALTHCARE -> Set.of(SensitiveDomain.HEALTH);
            case INSURANCE -> Set.of(SensitiveDomain.INSURANCE);
            case EDUCATION -> Set.of(SensitiveDomain.EDUCATION);
            default -> Set.of();
        };
        EuAiActTier tier =
                domains.isEmpty() ? (index % 2 == 0 ? EuAiActTier.MINIMAL : EuAiActTier.LIMITED) : EuAiActTier.HIGH;
        BigDecimal impactRatio = domains.isEmpty() ? null : new BigDecimal(index % 2 == 0 ? "0.76" : "0.91");
        return new AssessmentContext(index % 5 != 4, tier, domains, impactRatio, index % 4 == 1);
    }

    private <T> T as(DemoUser user, Supplier<T> work) {
        return SystemCaller.callAs(user.login(), user.name(), Optional.of(firm), Set.of(user.role()), work);
    }

    private static String slug(Company company) {
        return company.profile().name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }

    /** The demo users of {@code tenantKey} with {@code role}; the first one. */
    static DemoUser userOf(String tenantKey, Role role) {
        return DemoUser.ALL.stream()
                .filter(u -> tenantKey.equals(u.tenantKey()) && u.role() == role)
                .findFirst()
                .orElseThrow();
    }
}
