package dev.diligence.persistence.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.diligence.domain.assessment.Assessment;
import dev.diligence.domain.assessment.Assessments;
import dev.diligence.domain.assessment.LatestPublished;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.finding.Finding;
import dev.diligence.domain.finding.FindingContent;
import dev.diligence.domain.finding.FindingSource;
import dev.diligence.domain.finding.Findings;
import dev.diligence.domain.finding.Severity;
import dev.diligence.domain.framework.FrameworkV1;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.framework.Frameworks;
import dev.diligence.domain.framework.WeightDerivation;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.holding.DealStage;
import dev.diligence.domain.portfolio.HeatmapCell;
import dev.diligence.domain.portfolio.PercentileRank;
import dev.diligence.domain.portfolio.PortfolioOrder;
import dev.diligence.domain.portfolio.PortfolioPage;
import dev.diligence.domain.portfolio.PortfolioQuery;
import dev.diligence.domain.portfolio.PortfolioRow;
import dev.diligence.domain.portfolio.PortfolioSummary;
import dev.diligence.domain.portfolio.Portfolios;
import dev.diligence.domain.portfolio.RemediationItem;
import dev.diligence.domain.portfolio.ScoreStatistics;
import dev.diligence.domain.scoring.CriterionResult;
import dev.diligence.domain.scoring.DimensionResult;
import dev.diligence.domain.scoring.ScoringResult;
import dev.diligence.domain.shared.paging.Cursor;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import dev.diligence.domain.tenant.TenantId;
import dev.diligence.persistence.testing.PersistenceSlice;
import dev.diligence.persistence.testing.PortfolioGenerator;
import dev.diligence.persistence.testing.TenantRows;
import dev.diligence.persistence.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The portfolio aggregation in SQL agrees with the domain, digit for digit, on generated portfolios:
 * three funds (one with a cohort below the percentile minimum), companies in two funds, companies
 * never assessed, assessed under a derived framework version, superseded, retracted, published
 * after the as-of date, ties of equal scores, suppressed levels (RF1), and open and closed findings,
 * on the latest assessment and on superseded ones (a row counts the company's open findings on every
 * assessment: clarification 2). The expected values are computed here from the domain objects the
 * generator stored: the engine's results, {@link LatestPublished#asOf}, {@link ScoreStatistics#of},
 * {@link PercentileRank} and {@link RemediationItem#RANKING}.
 */
@SpringBootTest(classes = PersistenceSlice.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioCrossCheckIT {

    private static final TestDatabase db = TestDatabase.get();
    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00.123456Z");
    private static final Instant LATER = T0.plusSeconds(86_400L * 365);
    private static UUID tenant;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PersistenceSlice.register(registry);
    }

    @Autowired
    Portfolios portfolios;

    @Autowired
    Assessments assessments;

    @Autowired
    Findings findings;

    @Autowired
    Frameworks frameworks;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    private final PortfolioGenerator generator = new PortfolioGenerator(20261126L);
    private final Map<CompanyId, String> names = new LinkedHashMap<>();
    private final Map<CompanyId, Map<FundId, DealStage>> holdings = new LinkedHashMap<>();
    private final Map<CompanyId, List<Assessment>> stored = new LinkedHashMap<>();
    /** Open findings by company, over every assessment of the company. */
    private final Map<CompanyId, Map<Severity, Integer>> openFindings = new LinkedHashMap<>();

    private FundId large;
    private FundId medium;
    private FundId small;
    private FrameworkVersion v1;
    private FrameworkVersion derived;

    @BeforeAll
    void generatedPortfolios() throws SQLException {
        try (Connection admin = db.connectAsAdmin()) {
            tenant = TenantRows.insertTenant(admin, TenantRows.uniqueKey("portfolio"));
            PersistenceSlice.actAs(tenant);
            large = new FundId(TenantRows.insertFund(admin, tenant, "Large"));
            medium = new FundId(TenantRows.insertFund(admin, tenant, "Medium"));
            small = new FundId(TenantRows.insertFund(admin, tenant, "Small"));
            DealStage[] stages = {DealStage.INVESTED, DealStage.DILIGENCE, DealStage.SOURCED, DealStage.INVESTED};
            for (int i = 0; i < 70; i++) {
                CompanyId company = new CompanyId(TenantRows.insertCompany(admin, tenant, "Company %03d".formatted(i)));
                names.put(company, "Company %03d".formatted(i));
                Map<FundId, DealStage> held = new LinkedHashMap<>();
                FundId fund = i < 55 ? large : i < 67 ? medium : small;
                held.put(fund, stages[generator.nextInt(stages.length)]);
                if (i % 9 == 0 && fund == large) {
                    held.put(medium, DealStage.DILIGENCE);
                }
                for (var entry : held.entrySet()) {
                    TenantRows.insertHolding(
                            admin,
                            tenant,
                            entry.getKey().value(),
                            company.value(),
                            entry.getValue().name());
                }
                holdings.put(company, held);
            }
        }
        v1 = inTransaction(() -> frameworks.find(FrameworkV1.NUMBER)).orElseThrow();
        derived = inTransaction(() -> {
            WeightDerivation derivation = v1.deriveWeights(
                    frameworks.nextDerivedNumber(),
                    new TenantId(tenant),
                    Map.of("D1", new BigDecimal("0.1"), "D4", new BigDecimal("0.4")));
            return frameworks.add(((WeightDerivation.Derived) derivation).version());
        });
        List<CompanyId> companies = new ArrayList<>(names.keySet());
        Assessment previousFirst = null;
        for (int i = 0; i < companies.size(); i++) {
            CompanyId company = companies.get(i);
            List<Assessment> own = new ArrayList<>();
            stored.put(company, own);
            if (i % 8 == 3) {
                continue; // never assessed
            }
            FrameworkVersion version = i % 10 == 6 ? derived : v1;
            Instant first = T0.plusSeconds(3600L * i);
            Assessment draft =
                    i % 7 == 5 && previousFirst != null && previousFirst.frameworkVersion() == version.number()
                            ? generator.twin(previousFirst, company, version, "assessor", first)
                            : generator.draft(company, version, generator.context(9), "assessor", first);
            Assessment published = generator.published(draft, version, "reviewer", first.plusSeconds(60));
            own.add(store(published));
            previousFirst = draft;
            if (i % 3 == 0) {
                // a later publication supersedes the first; every other one is retracted again, or lands after the
                // as-of date
                Instant second = i % 6 == 0 ? LATER.plusSeconds(i) : first.plusSeconds(86_400L * 30);
                Assessment later = generator.published(
                        generator.draft(company, version, generator.context(9), "assessor", second),
                        version,
                        "reviewer",
                        second.plusSeconds(60));
                if (i % 12 == 3) {
                    later = later.retract("admin", "wrong entity", second.plusSeconds(600));
                }
                own.add(store(later));
            }
            if (i % 5 == 0) {
                Assessment target = own.get(own.size() - 1);
                raise(target, Severity.HIGH, false);
                raise(target, Severity.HIGH, false);
                raise(target, Severity.LOW, true);
            }
            if (i % 4 == 0 && own.size() > 1) {
                // on the superseded (or, when the later one lands after the as-of date, still latest) first publication
                raise(own.get(0), Severity.CRITICAL, false);
                raise(own.get(0), Severity.MEDIUM, true);
            }
        }
        // a draft never counts
        CompanyId drafted = companies.get(3);
        store(generator.draft(drafted, v1, generator.context(9), "assessor", T0));
    }

    @Test
    void theWholeLargeFundAgreesWithTheDomain() {
        crossCheck(new PortfolioQuery(large, LATER.plusSeconds(86_400), Set.of(), v1.number()));
    }

    /**
     * As it stands, each company counts with the publication the database keeps flagged (V025): the
     * answer as of an instant after every publication and retraction of the fixture (the last lands
     * shortly after LATER).
     */
    @Test
    void theCurrentPortfolioReadsTheKeptLatestPublicationsAndAgreesWithTheDomain() {
        crossCheck(PortfolioQuery.current(large, LATER.plusSeconds(86_400), Set.of(), v1.number()));
        crossCheck(PortfolioQuery.current(large, LATER.plusSeconds(86_400), Set.of(DealStage.INVESTED), v1.number()));
        crossCheck(PortfolioQuery.current(large, LATER.plusSeconds(86_400), Set.of(), derived.number()));
    }

    @Test
    void asOfADateEachCompanyCountsWithTheAssessmentThatWasLatestThen() {
        crossCheck(new PortfolioQuery(large, T0.plusSeconds(86_400L * 40), Set.of(), v1.number()));
    }

    @Test
    void aDealStageFilterUsesTheHoldingsCurrentStage() {
        crossCheck(new PortfolioQuery(large, LATER.plusSeconds(86_400), Set.of(DealStage.INVESTED), v1.number()));
    }

    @Test
    void aDerivedVersionIsACohortOfItsOwn() {
        crossCheck(new PortfolioQuery(large, LATER.plusSeconds(86_400), Set.of(), derived.number()));
        crossCheck(new PortfolioQuery(medium, LATER.plusSeconds(86_400), Set.of(), v1.number()));
    }

    @Test
    void aCohortBelowFiveHasNoPercentileRanks() {
        PortfolioQuery query = new PortfolioQuery(small, LATER.plusSeconds(86_400), Set.of(), v1.number());
        crossCheck(query);
        assertThat(allRows(query, PortfolioOrder.DEFAULT))
                .allSatisfy(row -> assertThat(row.percentileRank()).isNull());
    }

    @Test
    void theExactQuantilesArePostgresqlsPercentileContAndTheRanksItsPercentRank() {
        PortfolioQuery query = new PortfolioQuery(large, LATER.plusSeconds(86_400), Set.of(), v1.number());
        PortfolioSummary summary = inTransaction(() -> portfolios.summary(query));
        Map<String, Object> postgres = inTransaction(() -> jdbc.queryForMap(PortfolioSql.with(query)
                        .replace(":tenant", "'" + tenant + "'")
                        .replace(":fund", "'" + large.value() + "'")
                        .replace(":asOf", "'" + query.asOf() + "'")
                        .replace(":version", String.valueOf(v1.number()))
                + """
                select percentile_cont(0.25) within group (order by overall_score) as q1,
                       percentile_cont(0.5) within group (order by overall_score) as q2,
                       percentile_cont(0.75) within group (order by overall_score) as q3
                from cohort where overall_score is not null"""));
        assertThat(summary.overall().lowerQuartile().doubleValue())
                .isCloseTo((Double) postgres.get("q1"), within(1e-9));
        assertThat(summary.overall().median().doubleValue()).isCloseTo((Double) postgres.get("q2"), within(1e-9));
        assertThat(summary.overall().upperQuartile().doubleValue())
                .isCloseTo((Double) postgres.get("q3"), within(1e-9));
        assertThat(summary.cohortSize()).isGreaterThanOrEqualTo(PercentileRank.MINIMUM_COHORT);
    }

    private void crossCheck(PortfolioQuery query) {
        Expected expected = expected(query);
        PortfolioSummary summary = inTransaction(() -> portfolios.summary(query));

        assertThat(summary.cohortSize())
                .isEqualTo(expected.cohort().stream()
                        .filter(s -> s.result().overall() != null)
                        .count());
        assertStatistics("overall", summary.overall(), ScoreStatistics.of(expected.overallScores()));
        assertThat(summary.dimensions().keySet())
                .containsExactlyInAnyOrderElementsOf(expected.dimensionScores().keySet());
        expected.dimensionScores()
                .forEach((code, scores) ->
                        assertStatistics(code, summary.dimensions().get(code), ScoreStatistics.of(scores)));
        assertThat(summary.levels()).isEqualTo(expected.levels());
        assertThat(summary.levelSuppressed()).isEqualTo(expected.suppressed());
        assertThat(summary.unassessed()).isEqualTo(expected.unassessed());
        assertThat(summary.otherVersions()).isEqualTo(expected.otherVersions());

        List<PortfolioRow> rows = allRows(query, PortfolioOrder.DEFAULT);
        assertThat(rows)
                .extracting(PortfolioRow::company)
                .containsExactlyElementsOf(expected.ordered(Comparator.comparing((Scored s) -> orMinusOne(
                                s.result().overall() == null
                                        ? null
                                        : s.result().overall().score()))
                        .reversed()
                        .thenComparing(s -> s.company().value().toString(), Comparator.reverseOrder())));
        for (PortfolioRow row : rows) {
            assertRow(row, expected.of(row.company()), expected);
        }
        assertThat(allRows(query, new PortfolioOrder(PortfolioOrder.Key.NAME, null, true)))
                .extracting(PortfolioRow::companyName)
                .isSorted();
        assertThat(allRows(query, new PortfolioOrder(PortfolioOrder.Key.DIMENSION, "D3", false)))
                .extracting(PortfolioRow::company)
                .containsExactlyElementsOf(expected.ordered(Comparator.comparing((Scored s) -> orMinusOne(s.result()
                                .dimension("D3")
                                .map(DimensionResult::score)
                                .orElse(null)))
                        .reversed()
                        .thenComparing(s -> s.company().value().toString(), Comparator.reverseOrder())));
        assertThat(allRows(query, new PortfolioOrder(PortfolioOrder.Key.LEVEL, null, true)))
                .extracting(PortfolioRow::company)
                .containsExactlyElementsOf(expected.ordered(
                        Comparator.comparing((Scored s) -> s.result().level().orElse(-1))
                                .thenComparing(s -> s.company().value().toString())));

        List<RemediationItem> ranking = allRemediation(query);
        assertThat(ranking)
                .extracting(r -> r.company() + " " + r.criterion() + " " + r.gap() + " " + r.priority())
                .containsExactlyElementsOf(expected.remediation(names));
        // the same ranking paged backwards from its end, and with pages of other sizes: never a repeat or a gap
        assertThat(allRemediationBackwards(query)).containsExactlyElementsOf(ranking);
        assertThat(pages(
                        (cursor, size) -> portfolios.remediation(query, new PageQuery(2, false, cursor)),
                        RemediationItem::cursor))
                .containsExactlyElementsOf(ranking);
    }

    private void assertRow(PortfolioRow row, Scored expected, Expected all) {
        ScoringResult result = expected.result();
        var overall = result.overall();
        assertThat(row.assessment()).isEqualTo(expected.assessment().id());
        assertThat(row.overall()).isEqualTo(overall == null ? null : overall.score());
        assertThat(row.percentage()).isEqualTo(overall == null ? null : overall.percentage());
        assertThat(row.confidence()).isEqualTo(overall == null ? null : overall.confidence());
        assertThat(row.coverage()).isEqualTo(result.coverage());
        assertThat(row.level()).isEqualTo(result.level().orElse(null));
        assertThat(row.levelSuppressed()).isEqualTo(overall != null && overall.levelSuppressed());
        assertThat(row.dealLevelRedFlag()).isEqualTo(result.dealLevelRedFlag());
        Map<String, BigDecimal> dimensions = new LinkedHashMap<>();
        result.dimensions().forEach(d -> dimensions.put(d.code(), d.score()));
        assertThat(row.dimensionScores()).containsExactlyEntriesOf(dimensions);
        assertThat(row.redFlags())
                .containsExactlyElementsOf(result.redFlags().stream()
                        .map(f -> f.rule() + (f.criterion() == null ? "" : " " + f.criterion()))
                        .toList());
        assertThat(row.heatmap())
                .containsExactlyElementsOf(result.criteria().stream()
                        .map(c -> new HeatmapCell(
                                c.code(),
                                c.state(),
                                c.effectiveLevel(),
                                c.gated(),
                                result.redFlags().stream()
                                        .anyMatch(f -> c.code().equals(f.criterion()))))
                        .toList());
        Map<Severity, Integer> open = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            open.put(
                    severity, openFindings.getOrDefault(row.company(), Map.of()).getOrDefault(severity, 0));
        }
        assertThat(row.openFindings()).isEqualTo(open);
        List<BigDecimal> scores = all.overallScores();
        assertThat(row.cohortSize()).isEqualTo(scores.size());
        if (overall == null) {
            assertThat(row.percentileRank()).isNull();
        } else {
            long lower = scores.stream()
                    .filter(s -> s.compareTo(overall.score()) < 0)
                    .count();
            assertThat(row.strictlyLower()).isEqualTo(lower);
            assertThat(row.percentileRank())
                    .isEqualTo(PercentileRank.of(lower, scores.size()).orElse(null));
        }
    }

    private static void assertStatistics(String what, ScoreStatistics actual, ScoreStatistics expected) {
        assertThat(actual.count()).as(what + " count").isEqualTo(expected.count());
        for (Function<ScoreStatistics, BigDecimal> field : List.<Function<ScoreStatistics, BigDecimal>>of(
                ScoreStatistics::mean,
                ScoreStatistics::median,
                ScoreStatistics::min,
                ScoreStatistics::max,
                ScoreStatistics::lowerQuartile,
                ScoreStatistics::upperQuartile)) {
            BigDecimal a = field.apply(actual);
            BigDecimal e = field.apply(expected);
            if (e == null) {
                assertThat(a).as(what).isNull();
            } else {
                assertThat(a).as(what + " " + actual + " vs " + expected).isEqualByComparingTo(e);
            }
        }
    }

    private record Scored(CompanyId company, Assessment assessment, ScoringResult result) {}

    private record Expected(
            List<Scored> cohort,
            List<Integer> levels,
            int suppressed,
            List<CompanyId> unassessed,
            Map<Integer, List<CompanyId>> otherVersions) {

        List<BigDecimal> overallScores() {
            return cohort.stream()
                    .filter(s -> s.result().overall() != null)
                    .map(s -> s.result().overall().score())
                    .toList();
        }

        Map<String, List<BigDecimal>> dimensionScores() {
            Map<String, List<BigDecimal>> scores = new TreeMap<>();
            cohort.forEach(s -> s.result().dimensions().stream()
                    .filter(DimensionResult::hasScore)
                    .forEach(d -> scores.computeIfAbsent(d.code(), c -> new ArrayList<>())
                            .add(d.score())));
            return scores;
        }

        Scored of(CompanyId company) {
            return cohort.stream()
                    .filter(s -> s.company().equals(company))
                    .findFirst()
                    .orElseThrow();
        }

        List<CompanyId> ordered(Comparator<Scored> order) {
            return cohort.stream().sorted(order).map(Scored::company).toList();
        }

        /** Clarification 4: priority and gap descending, name ignoring case, criterion code and company id ascending. */
        List<String> remediation(Map<CompanyId, String> names) {
            List<RemediationItem> items = new ArrayList<>();
            for (Scored s : cohort) {
                List<CriterionResult> criteria = s.result().criteria();
                for (int i = 0; i < criteria.size(); i++) {
                    CriterionResult c = criteria.get(i);
                    if (c.gap() != null && c.gap() > 0) {
                        items.add(new RemediationItem(
                                s.company(),
                                names.get(s.company()),
                                s.assessment().id(),
                                c.code(),
                                i,
                                c.gap(),
                                c.priority()));
                    }
                }
            }
            return items.stream()
                    .sorted(RemediationItem.RANKING)
                    .map(i -> i.company() + " " + i.criterion() + " " + i.gap() + " " + i.priority())
                    .toList();
        }
    }

    private Expected expected(PortfolioQuery query) {
        List<Scored> cohort = new ArrayList<>();
        List<Integer> levels = new ArrayList<>(List.of(0, 0, 0, 0, 0));
        int suppressed = 0;
        List<CompanyId> unassessed = new ArrayList<>();
        Map<Integer, List<CompanyId>> others = new TreeMap<>();
        List<CompanyId> held = names.keySet().stream()
                .filter(c -> holdings.get(c).containsKey(query.fund())
                        && (query.dealStages().isEmpty()
                                || query.dealStages().contains(holdings.get(c).get(query.fund()))))
                .sorted(Comparator.comparing(names::get))
                .toList();
        for (CompanyId company : held) {
            Optional<Assessment> latest = LatestPublished.asOf(company, stored.get(company), query.asOf());
            if (latest.isEmpty()) {
                unassessed.add(company);
            } else if (latest.get().frameworkVersion() != query.frameworkVersion()) {
                others.computeIfAbsent(latest.get().frameworkVersion(), v -> new ArrayList<>())
                        .add(company);
            } else {
                ScoringResult result = latest.get().publication().result();
                cohort.add(new Scored(company, latest.get(), result));
                if (result.overall() != null && result.overall().levelSuppressed()) {
                    suppressed++;
                } else if (result.level().isPresent()) {
                    levels.set(result.level().get(), levels.get(result.level().get()) + 1);
                }
            }
        }
        return new Expected(cohort, levels, suppressed, unassessed, others);
    }

    /** A page read with its companies: exactly the companies of its rows, each the one the row names. */
    private Slice<PortfolioRow> rowsWithTheirCompanies(PortfolioQuery query, PortfolioOrder order, PageQuery page) {
        PortfolioPage read = portfolios.companies(query, order, page, true);
        assertThat(read.companies().keySet())
                .containsExactlyInAnyOrderElementsOf(
                        read.rows().items().stream().map(PortfolioRow::company).toList());
        read.rows()
                .items()
                .forEach(row -> assertThat(
                                read.companies().get(row.company()).profile().name())
                        .isEqualTo(row.companyName()));
        return read.rows();
    }

    private List<PortfolioRow> allRows(PortfolioQuery query, PortfolioOrder order) {
        List<PortfolioRow> forward = pages(
                (cursor, size) -> rowsWithTheirCompanies(query, order, new PageQuery(size, false, cursor)),
                order::cursorOf);
        // the same rows paged backwards from the end, in the same order
        List<PortfolioRow> backward = new ArrayList<>();
        Optional<Cursor> before = Optional.empty();
        while (true) {
            Optional<Cursor> from = before;
            PortfolioPage page =
                    inTransaction(() -> portfolios.companies(query, order, new PageQuery(6, true, from), false));
            assertThat(page.companies()).as("companies not asked for").isEmpty();
            Slice<PortfolioRow> slice = page.rows();
            backward.addAll(0, slice.items());
            if (!slice.hasMore() || slice.items().isEmpty()) {
                break;
            }
            before = Optional.of(order.cursorOf(slice.items().get(0)));
        }
        assertThat(backward)
                .extracting(PortfolioRow::company)
                .containsExactlyElementsOf(
                        forward.stream().map(PortfolioRow::company).toList());
        return forward;
    }

    private List<RemediationItem> allRemediation(PortfolioQuery query) {
        return pages(
                (cursor, size) -> portfolios.remediation(query, new PageQuery(size, false, cursor)),
                RemediationItem::cursor);
    }

    private List<RemediationItem> allRemediationBackwards(PortfolioQuery query) {
        List<RemediationItem> backward = new ArrayList<>();
        Optional<Cursor> before = Optional.empty();
        while (true) {
            Optional<Cursor> from = before;
            Slice<RemediationItem> slice =
                    inTransaction(() -> portfolios.remediation(query, new PageQuery(5, true, from)));
            backward.addAll(0, slice.items());
            if (!slice.hasMore() || slice.items().isEmpty()) {
                return backward;
            }
            before = Optional.of(slice.items().get(0).cursor());
        }
    }

    private <T> List<T> pages(BiFunction<Optional<Cursor>, Integer, Slice<T>> page, Function<T, Cursor> cursorOf) {
        List<T> all = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        while (true) {
            Optional<Cursor> from = after;
            Slice<T> slice = inTransaction(() -> page.apply(from, 7));
            all.addAll(slice.items());
            if (!slice.hasMore()) {
                return all;
            }
            after = Optional.of(cursorOf.apply(slice.items().get(slice.items().size() - 1)));
        }
    }

    private Assessment store(Assessment assessment) {
        Assessment added = inTransaction(() -> assessments.add(assessment));
        return added;
    }

    private void raise(Assessment on, Severity severity, boolean resolved) {
        Finding finding = Finding.raise(
                on.id(),
                null,
                FindingContent.of("Found " + severity, "", severity),
                FindingSource.assessor(),
                on.createdAt());
        Finding kept = resolved ? finding.resolve("fixed", on.createdAt().plusSeconds(5)) : finding;
        inTransaction(() -> findings.add(kept));
        if (!resolved) {
            openFindings
                    .computeIfAbsent(on.company(), id -> new EnumMap<>(Severity.class))
                    .merge(severity, 1, Integer::sum);
        }
    }

    private static BigDecimal orMinusOne(BigDecimal value) {
        return value == null ? BigDecimal.ONE.negate() : value;
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }
}
