package dev.diligence.persistence.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.domain.assessment.Assessment;
import dev.diligence.domain.assessment.Assessments;
import dev.diligence.domain.assessment.LatestPublished;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.framework.FrameworkV1;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.framework.Frameworks;
import dev.diligence.domain.framework.WeightDerivation;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.holding.DealStage;
import dev.diligence.domain.portfolio.ComparedCompany;
import dev.diligence.domain.portfolio.ComparedCriterion;
import dev.diligence.domain.portfolio.DimensionChange;
import dev.diligence.domain.portfolio.DimensionScore;
import dev.diligence.domain.portfolio.PortfolioSummary;
import dev.diligence.domain.portfolio.PortfolioTrends;
import dev.diligence.domain.portfolio.Portfolios;
import dev.diligence.domain.portfolio.ScoreChange;
import dev.diligence.domain.portfolio.ScoreStatistics;
import dev.diligence.domain.portfolio.TrendInterval;
import dev.diligence.domain.portfolio.TrendPeriod;
import dev.diligence.domain.portfolio.TrendPoint;
import dev.diligence.domain.portfolio.TrendQuery;
import dev.diligence.domain.scoring.DimensionResult;
import dev.diligence.domain.scoring.ScoringResult;
import dev.diligence.domain.tenant.TenantId;
import dev.diligence.persistence.testing.PersistenceSlice;
import dev.diligence.persistence.testing.PortfolioGenerator;
import dev.diligence.persistence.testing.TenantRows;
import dev.diligence.persistence.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Portfolio trends and company comparisons in SQL agree with the domain, digit for digit, on a
 * generated portfolio whose publications are spread over eighteen months: several per company,
 * superseded, retracted (one exactly at a period end), published exactly at the last microsecond of a
 * period and at the first of the next, two at the same instant (a tie broken by id), twins with equal
 * scores, suppressed levels, companies switching framework version, never assessed, held in two funds.
 * The expected values come from the stored domain objects: {@link LatestPublished#asOf},
 * {@link ScoreStatistics#of} and the engine's results.
 */
@SpringBootTest(classes = PersistenceSlice.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioTrendCrossCheckIT {

    private static final TestDatabase db = TestDatabase.get();
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant END_OF_MARCH = Instant.parse("2025-03-31T23:59:59.999999Z");
    private static final Instant END_OF_JUNE = Instant.parse("2025-06-30T23:59:59.999999Z");
    private static UUID tenant;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PersistenceSlice.register(registry);
    }

    @Autowired
    PortfolioTrends trends;

    @Autowired
    Portfolios portfolios;

    @Autowired
    Assessments assessments;

    @Autowired
    Frameworks frameworks;

    @Autowired
    TransactionTemplate transactions;

    private final PortfolioGenerator generator = new PortfolioGenerator(20260407L);
    private final Map<CompanyId, String> names = new LinkedHashMap<>();
    private final Map<CompanyId, Map<FundId, DealStage>> holdings = new LinkedHashMap<>();
    private final Map<CompanyId, List<Assessment>> stored = new LinkedHashMap<>();
    private FundId main;
    private FundId side;
    private FrameworkVersion v1;
    private FrameworkVersion derived;

    @BeforeAll
    void publicationsSpreadOverMonths() throws SQLException {
        try (Connection admin = db.connectAsAdmin()) {
            tenant = TenantRows.insertTenant(admin, TenantRows.uniqueKey("trend"));
            PersistenceSlice.actAs(tenant);
            main = new FundId(TenantRows.insertFund(admin, tenant, "Main"));
            side = new FundId(TenantRows.insertFund(admin, tenant, "Side"));
            DealStage[] stages = {DealStage.INVESTED, DealStage.DILIGENCE, DealStage.SOURCED, DealStage.INVESTED};
            for (int i = 0; i < 48; i++) {
                String name = "Company %03d".formatted(i);
                CompanyId company = new CompanyId(TenantRows.insertCompany(admin, tenant, name));
                names.put(company, name);
                Map<FundId, DealStage> held = new LinkedHashMap<>();
                held.put(i < 40 ? main : side, stages[generator.nextInt(stages.length)]);
                if (i % 7 == 0 && i < 40) {
                    held.put(side, DealStage.DILIGENCE);
                }
                held.forEach((fund, stage) -> insertHolding(admin, fund, company, stage));
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
        Assessment twinSource = null;
        for (int i = 0; i < companies.size(); i++) {
            CompanyId company = companies.get(i);
            List<Assessment> own = new ArrayList<>();
            stored.put(company, own);
            if (i % 9 == 4) {
                continue; // never assessed
            }
            List<Instant> times = new ArrayList<>();
            int count = 1 + generator.nextInt(4);
            for (int k = 0; k < count; k++) {
                times.add(START.plus(generator.nextInt(540 * 24 * 3600), ChronoUnit.SECONDS)
                        .plus(generator.nextInt(1_000_000), ChronoUnit.MICROS));
            }
            switch (i) {
                case 1 -> times.set(0, END_OF_MARCH);
                case 2 -> times.set(0, END_OF_MARCH.plus(1, ChronoUnit.MICROS));
                case 5 ->
                    times.set(0, Instant.parse("2025-02-10T10:00:00Z")); // retracted exactly at the end of June, below
                case 8 -> times.add(times.get(0)); // two publications at the same instant: the larger id is the later
                default -> {}
            }
            times.sort(Comparator.naturalOrder());
            for (int k = 0; k < times.size(); k++) {
                Instant at = times.get(k);
                FrameworkVersion version = i % 10 == 6 ? derived : i % 10 == 7 && k % 2 == 1 ? derived : v1;
                Assessment draft =
                        i % 11 == 10 && twinSource != null && twinSource.frameworkVersion() == version.number()
                                ? generator.twin(twinSource, company, version, "assessor", at.minusSeconds(3600))
                                : generator.draft(
                                        company, version, generator.context(7), "assessor", at.minusSeconds(3600));
                twinSource = draft;
                Assessment published = generator.published(draft, version, "reviewer", at);
                if (i == 5 && k == 0) {
                    published = published.retract("admin", "wrong entity", END_OF_JUNE);
                } else if (generator.nextInt(5) == 0) {
                    published = published.retract(
                            "admin", "wrong entity", at.plus(1 + generator.nextInt(90), ChronoUnit.DAYS));
                }
                Assessment toStore = published;
                own.add(inTransaction(() -> assessments.add(toStore)));
            }
            if (i % 6 == 3) {
                // a draft never counts
                inTransaction(
                        () -> assessments.add(generator.draft(company, v1, generator.context(7), "assessor", START)));
            }
        }
    }

    @Test
    void monthlyPointsAndChangesOfTheWholeFundAgreeWithTheDomain() {
        TrendQuery query = new TrendQuery(
                main,
                Instant.parse("2025-01-15T00:00:00Z"),
                Instant.parse("2026-07-10T12:00:00.5Z"),
                TrendInterval.MONTH,
                Set.of(),
                v1.number());
        assertThat(query.periods())
                .hasSize(19)
                .last()
                .satisfies(last -> assertThat(last.periodEnd()).isFalse());
        crossCheck(query);
    }

    @Test
    void quarterlyPointsEndExactlyAtTheLastQuarterWhenTheWindowDoes() {
        TrendQuery query = new TrendQuery(
                main,
                Instant.parse("2024-12-01T00:00:00Z"),
                Instant.parse("2026-09-30T23:59:59.999999Z"),
                TrendInterval.QUARTER,
                Set.of(),
                v1.number());
        assertThat(query.periods())
                .hasSize(8)
                .allSatisfy(period -> assertThat(period.periodEnd()).isTrue());
        assertThat(query.periods().get(1).asOf()).isEqualTo(END_OF_MARCH);
        crossCheck(query);
    }

    @Test
    void aDealStageFilterAndADerivedVersionNarrowTheCohortAtEveryPoint() {
        crossCheck(new TrendQuery(
                main,
                START,
                Instant.parse("2026-06-30T00:00:00Z"),
                TrendInterval.QUARTER,
                Set.of(DealStage.INVESTED),
                v1.number()));
        crossCheck(new TrendQuery(
                main, START, Instant.parse("2026-06-30T00:00:00Z"), TrendInterval.MONTH, Set.of(), derived.number()));
        crossCheck(new TrendQuery(
                side, START, Instant.parse("2026-06-30T00:00:00Z"), TrendInterval.MONTH, Set.of(), v1.number()));
    }

    @Test
    void aWindowOfOneInstantHasOnePointAndOnlyTheChangesPublishedThen() {
        crossCheck(new TrendQuery(main, END_OF_MARCH, END_OF_MARCH, TrendInterval.MONTH, Set.of(), v1.number()));
        crossCheck(new TrendQuery(main, END_OF_JUNE, END_OF_JUNE, TrendInterval.QUARTER, Set.of(), v1.number()));
    }

    @Test
    void everyPointEqualsThePortfolioSummaryAsOfThatInstant() {
        TrendQuery query = new TrendQuery(
                main, START, Instant.parse("2026-07-01T00:00:00Z"), TrendInterval.QUARTER, Set.of(), v1.number());
        List<TrendPoint> points = inTransaction(() -> trends.points(query));
        assertThat(points).hasSize(query.periods().size());
        for (TrendPoint point : points) {
            PortfolioSummary summary = inTransaction(
                    () -> portfolios.summary(query.at(point.period().asOf())));
            assertThat(point.cohortSize()).isEqualTo(summary.cohortSize());
            assertStatistics("overall", point.overall(), summary.overall());
            assertThat(point.dimensions().keySet())
                    .isEqualTo(summary.dimensions().keySet());
            point.dimensions()
                    .forEach((code, statistics) -> assertStatistics(
                            code, statistics, summary.dimensions().get(code)));
            assertThat(point.levels()).isEqualTo(summary.levels());
            assertThat(point.levelSuppressed()).isEqualTo(summary.levelSuppressed());
            assertThat(point.unassessed()).isEqualTo(summary.unassessed().size());
            assertThat(point.otherVersions())
                    .isEqualTo(summary.otherVersions().values().stream()
                            .mapToInt(List::size)
                            .sum());
        }
    }

    @Test
    void comparedCompaniesCarryTheStoredScoresOfTheirLatestPublicationInTheOrderAsked() {
        List<CompanyId> companies = new ArrayList<>(names.keySet());
        CompanyId unknown = new CompanyId(UUID.randomUUID());
        List<CompanyId> asked = List.of(
                companies.get(4),
                companies.get(17),
                unknown,
                companies.get(2),
                companies.get(17),
                companies.get(6),
                companies.get(7),
                companies.get(8),
                companies.get(5));
        for (Instant asOf :
                List.of(Instant.parse("2025-06-30T23:59:59.999999Z"), Instant.parse("2026-12-31T00:00:00Z"), START)) {
            List<ComparedCompany> compared = inTransaction(() -> trends.compare(asked, asOf));
            List<CompanyId> expectedOrder =
                    asked.stream().filter(names::containsKey).distinct().toList();
            assertThat(compared).extracting(ComparedCompany::company).containsExactlyElementsOf(expectedOrder);
            for (ComparedCompany company : compared) {
                Optional<Assessment> latest =
                        LatestPublished.asOf(company.company(), stored.get(company.company()), asOf);
                assertThat(company)
                        .usingRecursiveComparison()
                        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                        .isEqualTo(latest.map(a -> expectedComparison(company.company(), a))
                                .orElseGet(() -> ComparedCompany.unassessed(company.company())));
            }
        }
    }

    private ComparedCompany expectedComparison(CompanyId company, Assessment assessment) {
        ScoringResult result = assessment.publication().result();
        var overall = result.overall();
        return new ComparedCompany(
                company,
                assessment.id(),
                assessment.publication().publishedAt(),
                assessment.frameworkVersion(),
                overall == null ? null : overall.score(),
                overall == null ? null : overall.percentage(),
                result.level().orElse(null),
                overall != null && overall.levelSuppressed(),
                result.dimensions().stream()
                        .map(d -> new DimensionScore(d.code(), d.score()))
                        .toList(),
                result.criteria().stream()
                        .map(c -> new ComparedCriterion(c.code(), c.state(), c.effectiveLevel(), c.gap()))
                        .toList());
    }

    private void crossCheck(TrendQuery query) {
        List<TrendPoint> points = inTransaction(() -> trends.points(query));
        List<TrendPeriod> periods = query.periods();
        assertThat(points).extracting(TrendPoint::period).containsExactlyElementsOf(periods);
        int scoredSomewhere = 0;
        for (TrendPoint point : points) {
            Expected expected = expected(query, point.period().asOf());
            String at = "at " + point.period().asOf();
            assertThat(point.cohortSize())
                    .as(at)
                    .isEqualTo(expected.overallScores().size());
            assertStatistics("overall " + at, point.overall(), ScoreStatistics.of(expected.overallScores()));
            assertThat(point.dimensions().keySet())
                    .as(at)
                    .isEqualTo(expected.dimensionScores().keySet());
            expected.dimensionScores()
                    .forEach((code, scores) -> assertStatistics(
                            code + " " + at, point.dimensions().get(code), ScoreStatistics.of(scores)));
            assertThat(point.levels()).as(at).isEqualTo(expected.levels());
            assertThat(point.levelSuppressed()).as(at).isEqualTo(expected.suppressed());
            assertThat(point.unassessed()).as(at).isEqualTo(expected.unassessed());
            assertThat(point.otherVersions()).as(at).isEqualTo(expected.otherVersions());
            scoredSomewhere += point.cohortSize();
        }
        List<ScoreChange> changes = inTransaction(() -> trends.changes(query));
        assertThat(changes)
                .usingRecursiveFieldByFieldElementComparator(
                        org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                                .build())
                .containsExactlyElementsOf(expectedChanges(query));
        if (query.to().isAfter(Instant.parse("2025-12-31T00:00:00Z"))) {
            // the generated portfolio gives every long window something to compare
            assertThat(scoredSomewhere).isPositive();
            assertThat(changes).isNotEmpty();
        }
        for (ScoreChange change : changes) {
            assertThat(change.overallDelta())
                    .isEqualTo(
                            change.overallBefore() == null || change.overallAfter() == null
                                    ? null
                                    : change.overallAfter().subtract(change.overallBefore()));
        }
    }

    private record Expected(
            List<BigDecimal> overallScores,
            Map<String, List<BigDecimal>> dimensionScores,
            List<Integer> levels,
            int suppressed,
            int unassessed,
            int otherVersions) {}

    private List<CompanyId> held(FundId fund, Set<DealStage> stages) {
        return names.keySet().stream()
                .filter(c -> holdings.get(c).containsKey(fund)
                        && (stages.isEmpty() || stages.contains(holdings.get(c).get(fund))))
                .toList();
    }

    private Expected expected(TrendQuery query, Instant asOf) {
        List<BigDecimal> overall = new ArrayList<>();
        Map<String, List<BigDecimal>> dimensions = new TreeMap<>();
        List<Integer> levels = new ArrayList<>(List.of(0, 0, 0, 0, 0));
        int suppressed = 0;
        int unassessed = 0;
        int others = 0;
        for (CompanyId company : held(query.fund(), query.dealStages())) {
            Optional<Assessment> latest = LatestPublished.asOf(company, stored.get(company), asOf);
            if (latest.isEmpty()) {
                unassessed++;
            } else if (latest.get().frameworkVersion() != query.frameworkVersion()) {
                others++;
            } else {
                ScoringResult result = latest.get().publication().result();
                if (result.overall() != null) {
                    overall.add(result.overall().score());
                }
                result.dimensions().stream()
                        .filter(DimensionResult::hasScore)
                        .forEach(d -> dimensions
                                .computeIfAbsent(d.code(), c -> new ArrayList<>())
                                .add(d.score()));
                if (result.overall() != null && result.overall().levelSuppressed()) {
                    suppressed++;
                } else if (result.level().isPresent()) {
                    levels.set(result.level().get(), levels.get(result.level().get()) + 1);
                }
            }
        }
        return new Expected(overall, dimensions, levels, suppressed, unassessed, others);
    }

    /**
     * Each held company's publications under the version, published by {@code to} and not retracted by
     * then, in {@code LatestPublished}'s order; consecutive pairs whose later one is in the window.
     */
    private List<ScoreChange> expectedChanges(TrendQuery query) {
        List<ScoreChange> changes = new ArrayList<>();
        List<CompanyId> byName = held(query.fund(), query.dealStages()).stream()
                .sorted(Comparator.comparing((CompanyId c) -> names.get(c))
                        .thenComparing(c -> c.value().toString()))
                .toList();
        for (CompanyId company : byName) {
            List<Assessment> chain = stored.get(company).stream()
                    .filter(a -> a.frameworkVersion() == query.frameworkVersion()
                            && a.publication() != null
                            && !a.publication().publishedAt().isAfter(query.to())
                            && (a.retraction() == null
                                    || a.retraction().retractedAt().isAfter(query.to())))
                    .sorted(Comparator.comparing(
                                    (Assessment a) -> a.publication().publishedAt())
                            .thenComparing(a -> a.id().value().toString()))
                    .toList();
            for (int k = 1; k < chain.size(); k++) {
                Assessment before = chain.get(k - 1);
                Assessment after = chain.get(k);
                if (after.publication().publishedAt().isBefore(query.from())) {
                    continue;
                }
                ScoringResult was = before.publication().result();
                ScoringResult is = after.publication().result();
                List<DimensionChange> dimensions = was.dimensions().stream()
                        .map(d -> new DimensionChange(
                                d.code(),
                                d.score(),
                                is.dimension(d.code())
                                        .map(DimensionResult::score)
                                        .orElse(null)))
                        .toList();
                changes.add(new ScoreChange(
                        company,
                        before.id(),
                        before.publication().publishedAt(),
                        after.id(),
                        after.publication().publishedAt(),
                        score(was),
                        score(is),
                        was.level().orElse(null),
                        is.level().orElse(null),
                        suppressed(was),
                        suppressed(is),
                        dimensions));
            }
        }
        return changes;
    }

    private static BigDecimal score(ScoringResult result) {
        return result.overall() == null ? null : result.overall().score();
    }

    private static boolean suppressed(ScoringResult result) {
        return result.overall() != null && result.overall().levelSuppressed();
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

    private void insertHolding(Connection admin, FundId fund, CompanyId company, DealStage stage) {
        try {
            TenantRows.insertHolding(admin, tenant, fund.value(), company.value(), stage.name());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }
}
