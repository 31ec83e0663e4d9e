package dev.diligence.bench.portfolio;

import dev.diligence.bench.copy.TenantTables;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.company.CompanyStage;
import dev.diligence.domain.company.Sector;
import dev.diligence.domain.fund.FundStrategy;
import dev.diligence.domain.holding.DealStage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The funds, companies and holdings of one tenant, as rows of their tables (V003, V005-V007).
 * Invariants: 3-5 funds with distinct names; each company is held by one or two distinct funds; the
 * bench tenant's "Bench Scale Fund" holds exactly {@link TenantPlan#scaleFundHoldings()} companies,
 * mostly invested and in every deal stage; companies, funds and holdings are created before any assessment (two years before the
 * anchor) and nothing is dated after the anchor.
 */
public final class TenantPortfolio {

    public static final String SCALE_FUND = "Bench Scale Fund";

    private static final String[] FUND_NAMES = {
        "Bench Ventures I",
        "Bench Growth Equity II",
        "Bench Buyout III",
        "Bench Credit Opportunities",
        "Bench Infrastructure Partners",
        "Bench Secondaries IV",
        "Bench Seed Fund V"
    };
    private static final String[] CURRENCIES = {"EUR", "USD", "GBP", "CHF"};
    private static final String[] COUNTRIES = {
        "DE", "FR", "GB", "NL", "US", "SE", "CH", "ES", "IT", "PL", "IE", "DK", "FI", "CA"
    };
    private static final String[] WORDS = {
        "Atlas", "Nimbus", "Vector", "Quantum", "Helix", "Lumen", "Cobalt", "Aurora", "Sierra", "Orbit", "Pioneer",
        "Summit", "Nova", "Delta", "Zenith", "Beacon", "Cortex", "Fathom", "Harbor", "Kestrel"
    };
    private static final String[] SUFFIXES = {
        "AI", "Labs", "Analytics", "Systems", "Health", "Robotics", "Data", "Insights"
    };
    private static final DealStage[] STAGES = DealStage.values();

    private final TenantPlan plan;
    private final Random random;
    private final SeededIds ids;
    private final Instant anchor;
    private final TenantTables tables;

    public TenantPortfolio(TenantPlan plan, Random random, SeededIds ids, Instant anchor, TenantTables tables) {
        this.plan = plan;
        this.random = random;
        this.ids = ids;
        this.anchor = anchor;
        this.tables = tables;
    }

    /** Writes the tenant's funds, companies and holdings; returns the companies to assess. */
    public List<PortfolioCompany> write() {
        List<UUID> funds = funds();
        List<PortfolioCompany> companies = new ArrayList<>();
        for (int i = 0; i < plan.companies(); i++) {
            companies.add(company(i));
        }
        List<PortfolioCompany> shuffled = new ArrayList<>(companies);
        Collections.shuffle(shuffled, random);
        // with a scale fund: it is funds[0] and holds the first scaleFundHoldings companies of the shuffle
        int scaleHeld = plan.scaleFundHoldings();
        List<UUID> others = plan.hasScaleFund() ? funds.subList(1, funds.size()) : funds;
        for (int i = 0; i < shuffled.size(); i++) {
            PortfolioCompany company = shuffled.get(i);
            UUID first = i < scaleHeld ? funds.get(0) : others.get(random.nextInt(others.size()));
            holding(first, company, i < scaleHeld ? scaleFundStage(i) : otherStage());
            if (random.nextInt(10) < 3) {
                UUID second = others.get(random.nextInt(others.size()));
                if (!second.equals(first)) {
                    holding(second, company, otherStage());
                }
            }
        }
        return companies;
    }

    private List<UUID> funds() {
        List<String> names = new ArrayList<>(List.of(FUND_NAMES));
        Collections.shuffle(names, random);
        int count = 3 + random.nextInt(3);
        List<String> chosen = new ArrayList<>();
        if (plan.hasScaleFund()) {
            chosen.add(SCALE_FUND);
        }
        chosen.addAll(names.subList(0, count - chosen.size()));
        List<UUID> funds = new ArrayList<>();
        for (String name : chosen) {
            UUID id = ids.next();
            Instant created = before(anchor, 800, 1200);
            BigDecimal targetSize = random.nextInt(4) == 0
                    ? null
                    : BigDecimal.valueOf((50 + random.nextInt(950)) * 1_000_000L, 0)
                            .setScale(2);
            tables.funds.add(
                    plan.id(),
                    id,
                    name,
                    2015 + random.nextInt(10),
                    FundStrategy.values()[random.nextInt(8)],
                    CURRENCIES[random.nextInt(CURRENCIES.length)],
                    targetSize,
                    "ACTIVE",
                    0L,
                    created,
                    created);
            funds.add(id);
        }
        return funds;
    }

    private PortfolioCompany company(int number) {
        UUID id = ids.next();
        String name = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " "
                + SUFFIXES[random.nextInt(SUFFIXES.length)] + " " + plan.index() + "-" + number;
        String slug = name.toLowerCase().replace(' ', '-');
        Instant created = before(anchor, 760, 1100);
        String description = random.nextInt(3) == 0
                ? null
                : "Builds " + SUFFIXES[random.nextInt(SUFFIXES.length)].toLowerCase()
                        + " products with machine learning in production.";
        tables.companies.add(
                plan.id(),
                id,
                name,
                random.nextInt(5) == 0 ? null : "https://" + slug + ".example.com",
                Sector.values()[random.nextInt(Sector.values().length)],
                COUNTRIES[random.nextInt(COUNTRIES.length)],
                CompanyStage.values()[random.nextInt(CompanyStage.values().length)],
                random.nextInt(6) == 0 ? null : 5 + random.nextInt(5_000),
                description,
                false,
                0L,
                created,
                created);
        if (random.nextBoolean()) {
            tables.companyReferences.add(plan.id(), id, "crm", "CRM-" + plan.index() + "-" + number);
        }
        return new PortfolioCompany(new CompanyId(id), created);
    }

    private void holding(UUID fund, PortfolioCompany company, DealStage stage) {
        Instant created = company.createdAt().plus(Duration.ofHours(1 + random.nextInt(24 * 20)));
        boolean entered = stage == DealStage.INVESTED || stage == DealStage.EXITED;
        LocalDate entry = entered ? LocalDate.ofInstant(created, ZoneOffset.UTC).plusDays(random.nextInt(90)) : null;
        LocalDate exit = stage == DealStage.EXITED
                ? notAfter(
                        entry.plusDays(180 + random.nextInt(540)),
                        LocalDate.ofInstant(anchor, ZoneOffset.UTC).minusDays(1))
                : null;
        BigDecimal ownership = entered ? BigDecimal.valueOf(10_000 + random.nextInt(440_000), 4) : null;
        String dealLead = random.nextInt(4) == 0 ? null : "partner-" + (1 + random.nextInt(8));
        tables.holdings.add(
                plan.id(),
                ids.next(),
                fund,
                company.id().value(),
                stage,
                ownership,
                entry,
                exit,
                dealLead,
                0L,
                created,
                created);
    }

    /** The first holdings of the scale fund take every stage once, so all are present; then mostly invested. */
    private DealStage scaleFundStage(int holding) {
        if (holding < STAGES.length) {
            return STAGES[holding];
        }
        return random.nextInt(10) < 8 ? DealStage.INVESTED : STAGES[random.nextInt(STAGES.length)];
    }

    private DealStage otherStage() {
        int roll = random.nextInt(20);
        return roll < 3
                ? DealStage.SOURCED
                : roll < 6
                        ? DealStage.DILIGENCE
                        : roll < 16 ? DealStage.INVESTED : roll < 18 ? DealStage.EXITED : DealStage.PASSED;
    }

    private static LocalDate notAfter(LocalDate date, LocalDate cap) {
        return date.isAfter(cap) ? cap : date;
    }

    private Instant before(Instant instant, int minDays, int maxDays) {
        return instant.minus(Duration.ofMinutes(
                (long) (minDays + random.nextInt(maxDays - minDays)) * 24 * 60 + random.nextInt(24 * 60)));
    }
}
