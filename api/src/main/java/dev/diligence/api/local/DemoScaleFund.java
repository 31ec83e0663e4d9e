package dev.diligence.api.local;

import dev.diligence.api.company.CompanyService;
import dev.diligence.api.fund.FundService;
import dev.diligence.api.holding.HoldingService;
import dev.diligence.domain.assessment.Assessment;
import dev.diligence.domain.assessment.Assessments;
import dev.diligence.domain.assessment.EvidenceItem;
import dev.diligence.domain.assessment.EvidenceKind;
import dev.diligence.domain.company.Company;
import dev.diligence.domain.company.CompanyProfile;
import dev.diligence.domain.company.CompanyStage;
import dev.diligence.domain.company.ExternalReference;
import dev.diligence.domain.company.Sector;
import dev.diligence.domain.framework.Criterion;
import dev.diligence.domain.framework.FrameworkV1;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.framework.Frameworks;
import dev.diligence.domain.fund.Fund;
import dev.diligence.domain.fund.FundProfile;
import dev.diligence.domain.fund.FundStrategy;
import dev.diligence.domain.holding.DealStage;
import dev.diligence.domain.holding.HoldingTerms;
import dev.diligence.domain.scoring.ScoringEngine;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An optional large demo fund ({@code diligence.demo.scale-fund-companies}, off by default) to try
 * the portfolio comparison at scale on the embedded default: that many companies, held by one fund,
 * each with a published assessment scored in the same fixed pattern as the other demo assessments.
 * Companies, the fund and holdings go through the application services; the assessments are built
 * and published by the domain (the same rules and scoring) and stored through the port, 50 per
 * transaction, without the per-change audit events and rule findings of the workflow, which would
 * take minutes for a thousand companies.
 */
final class DemoScaleFund {

    private static final Sector[] SECTORS = Sector.values();

    private final FundService funds;
    private final CompanyService companies;
    private final HoldingService holdings;
    private final Assessments assessments;
    private final Frameworks frameworks;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoScaleFund(
            FundService funds,
            CompanyService companies,
            HoldingService holdings,
            Assessments assessments,
            Frameworks frameworks,
            TransactionTemplate transactions,
            Clock clock) {
        this.funds = funds;
        this.companies = companies;
        this.holdings = holdings;
        this.assessments = assessments;
        this.frameworks = frameworks;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Creates the fund and its {@code size} companies with their published assessments; call as a tenant admin of the firm. */
    Fund build(int size) {
        Fund fund = funds.create(new FundProfile(
                "Northwind Scale Fund", 2025, FundStrategy.GROWTH_EQUITY, "USD", new BigDecimal("5000000000")));
        List<Company> held = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Company company = companies.create(
                    CompanyProfile.of(
                                    "Scale Target %04d".formatted(i),
                                    SECTORS[i % SECTORS.length],
                                    "US",
                                    CompanyStage.GROWTH)
                            .withEmployeeCount(50 + i % 900),
                    List.of(new ExternalReference("scale", "S-" + i)));
            holdings.add(fund.id(), company.id(), new HoldingTerms(DealStage.INVESTED, null, null, null, null));
            held.add(company);
        }
        FrameworkVersion version = transactions
                .execute(status -> frameworks.find(FrameworkV1.NUMBER))
                .orElseThrow();
        ScoringEngine engine = new ScoringEngine();
        for (int from = 0; from < size; from += 50) {
            List<Company> batch = held.subList(from, Math.min(size, from + 50));
            int offset = from;
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < batch.size(); i++) {
                    assessments.add(published(batch.get(i), offset + i, version, engine, clock.instant()));
                }
            });
        }
        return fund;
    }

    private static Assessment published(
            Company company, int index, FrameworkVersion version, ScoringEngine engine, Instant now) {
        Assessment assessment =
                Assessment.start(company.id(), version, DemoAssessments.contextOf(company, index), "ada", "ada", now);
        List<Criterion> criteria = version.criteria();
        for (int j = 0; j < criteria.size(); j++) {
            String code = criteria.get(j).code();
            assessment = assessment.scoreCriterion(code, DemoAssessments.scoreOf(index, j), null, "ada", now);
            if ((index + j) % 2 == 0) {
                assessment = assessment.addEvidence(
                        code,
                        EvidenceItem.of(EvidenceKind.DOCUMENT, "data-room/" + code + "-" + index + ".pdf", "ada", now),
                        "ada",
                        now);
            }
        }
        return assessment.submit("ada", now).publish("rita", version, engine, now);
    }
}
