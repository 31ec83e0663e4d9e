package dev.diligence.persistence.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.domain.assessment.Assessment;
import dev.diligence.domain.assessment.Assessments;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.framework.FrameworkV1;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.framework.Frameworks;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.portfolio.PortfolioOrder;
import dev.diligence.domain.portfolio.PortfolioQuery;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.persistence.testing.PersistenceSlice;
import dev.diligence.persistence.testing.PortfolioGenerator;
import dev.diligence.persistence.testing.TenantRows;
import dev.diligence.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The plans of the portfolio statements on a 1,000-company fund, printed for the record (the
 * benchmark measures speed; nothing here asserts a time). Off by default, as it writes 1,000
 * published assessments: run it with {@code -Ddiligence.large=true}.
 */
@SpringBootTest(classes = PersistenceSlice.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "diligence.large", matches = "true")
class LargePortfolioPlanIT {

    private static final TestDatabase db = TestDatabase.get();
    private static final int COMPANIES = 1000;
    private static UUID tenant;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PersistenceSlice.register(registry);
    }

    @Autowired
    Assessments assessments;

    @Autowired
    Frameworks frameworks;

    @Autowired
    PortfolioPersistenceAdapter portfolios;

    @Autowired
    PortfolioRows rows;

    @Autowired
    PortfolioListQueries lists;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    private FundId fund;

    @BeforeAll
    void aThousandCompanyFund() throws SQLException {
        List<CompanyId> companies = new ArrayList<>();
        try (Connection admin = db.connectAsAdmin()) {
            tenant = TenantRows.insertTenant(admin, TenantRows.uniqueKey("large"));
            PersistenceSlice.actAs(tenant);
            fund = new FundId(TenantRows.insertFund(admin, tenant, "Large"));
            for (int i = 0; i < COMPANIES; i++) {
                UUID company = TenantRows.insertCompany(admin, tenant, "Company %04d".formatted(i));
                TenantRows.insertHolding(admin, tenant, fund.value(), company, "INVESTED");
                companies.add(new CompanyId(company));
            }
            admin.createStatement().execute("analyze");
        }
        FrameworkVersion v1 =
                inTransaction(() -> frameworks.find(FrameworkV1.NUMBER)).orElseThrow();
        PortfolioGenerator generator = new PortfolioGenerator(1000L);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        long started = System.nanoTime();
        for (int from = 0; from < COMPANIES; from += 50) {
            List<CompanyId> batch = companies.subList(from, Math.min(COMPANIES, from + 50));
            int offset = from;
            inTransaction(() -> {
                for (int i = 0; i < batch.size(); i++) {
                    Instant at = t0.plusSeconds(60L * (offset + i));
                    Assessment draft = generator.draft(batch.get(i), v1, generator.context(20), "assessor", at);
                    assessments.add(generator.published(draft, v1, "reviewer", at.plusSeconds(1)));
                }
                return null;
            });
        }
        System.out.printf(
                "LargePortfolioPlanIT: %d published assessments written in %d ms%n",
                COMPANIES, (System.nanoTime() - started) / 1_000_000);
        try (Connection admin = db.connectAsAdmin()) {
            admin.createStatement().execute("analyze");
        }
    }

    /** As of an instant (publications searched) and as it stands (V025's kept latest publications). */
    @Test
    void printsThePlansOfEveryPortfolioStatement() {
        for (PortfolioQuery query : List.of(
                new PortfolioQuery(fund, Instant.now(), Set.of(), FrameworkV1.NUMBER),
                PortfolioQuery.current(fund, Instant.now(), Set.of(), FrameworkV1.NUMBER))) {
            printPlansAndTimes(query);
        }
    }

    private void printPlansAndTimes(PortfolioQuery query) {
        System.out.println("LargePortfolioPlanIT: " + (query.current() ? "as it stands" : "as of " + query.asOf()));
        PageQuery first100 = new PageQuery(100, false, Optional.empty());
        Map<String, PortfolioSql.Statement> statements = inTransaction(() -> Map.of(
                "1 summary (statistics and members)", portfolios.summaryStatement(query),
                "3 companies(first: 100) by overall", rows.pageStatement(query, PortfolioOrder.DEFAULT, first100, true),
                "4 remediation(first: 100)", rows.remediationStatement(query, first100),
                "5 companies.totalCount", lists.cohortCountStatement(query),
                "6 remediation.totalCount", lists.remediationCountStatement(query),
                "7 unassessed(first: 100)", lists.unassessedStatement(query, first100),
                "7b unassessed.totalCount", lists.unassessedCountStatement(query),
                "8 otherVersions.companyPage(first: 100) of versions 2 and 3",
                        lists.otherVersionStatement(query, List.of(2, 3), first100),
                "8b otherVersions.companyPage.totalCount of versions 2 and 3",
                        lists.otherVersionCountStatement(query, List.of(2, 3))));
        statements.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            List<String> plan = inTransaction(() -> {
                jdbc.getJdbcTemplate().execute("set local jit = off");
                return jdbc.queryForList(
                        "explain (analyze, buffers, format text) "
                                + entry.getValue().sql(),
                        entry.getValue().parameters(),
                        String.class);
            });
            System.out.println("=== EXPLAIN " + entry.getKey() + "\n" + String.join("\n", plan));
            assertThat(plan).isNotEmpty();
        });
        for (int round = 0; round < 3; round++) {
            long t = System.nanoTime();
            var summary = inTransaction(() -> portfolios.summary(query));
            long summaryMs = (System.nanoTime() - t) / 1_000_000;
            t = System.nanoTime();
            var page = inTransaction(() -> portfolios
                    .companies(query, PortfolioOrder.DEFAULT, first100, true)
                    .rows());
            long pageMs = (System.nanoTime() - t) / 1_000_000;
            t = System.nanoTime();
            var remediation = inTransaction(() -> portfolios.remediation(query, first100));
            long remediationMs = (System.nanoTime() - t) / 1_000_000;
            System.out.printf(
                    "LargePortfolioPlanIT round %d: summary %d ms (cohort %d), companies(first: 100) %d ms, remediation(first: 100) %d ms%n",
                    round, summaryMs, summary.cohortSize(), pageMs, remediationMs);
            assertThat(page.items()).hasSize(100);
            assertThat(remediation.items()).hasSize(100);
        }
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }
}
