package dev.diligence.api.local;

import dev.diligence.api.company.CompanyService;
import dev.diligence.api.holding.HoldingService;
import dev.diligence.domain.company.Company;
import dev.diligence.domain.company.CompanyProfile;
import dev.diligence.domain.company.CompanyStage;
import dev.diligence.domain.company.ExternalReference;
import dev.diligence.domain.company.Sector;
import dev.diligence.domain.fund.Fund;
import dev.diligence.domain.holding.DealStage;
import dev.diligence.domain.holding.HoldingTerms;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A believable demo portfolio: target companies across sectors, countries and stages, held by the
 * demo funds in every deal stage, some companies in two funds. Built through the application
 * services, so it obeys every rule a request would.
 */
final class DemoPortfolio {

    private record Target(
            String name, Sector sector, String country, CompanyStage stage, int employees, String pitch) {}

    private static final List<Target> TARGETS = List.of(
            new Target(
                    "Lumen Credit",
                    Sector.FINANCIAL_SERVICES,
                    "GB",
                    CompanyStage.GROWTH,
                    240,
                    "Credit scoring for thin-file borrowers"),
            new Target(
                    "Fathom Risk",
                    Sector.INSURANCE,
                    "DE",
                    CompanyStage.LATE,
                    610,
                    "Claims triage and fraud detection for insurers"),
            new Target(
                    "Helix Diagnostics", Sector.HEALTHCARE, "US", CompanyStage.GROWTH, 180, "Radiology image triage"),
            new Target(
                    "Cohort Bio",
                    Sector.LIFE_SCIENCES,
                    "CH",
                    CompanyStage.EARLY,
                    45,
                    "Protein design with generative models"),
            new Target(
                    "TalentLoop",
                    Sector.HR_AND_EMPLOYMENT,
                    "NL",
                    CompanyStage.GROWTH,
                    150,
                    "Candidate ranking for high-volume hiring"),
            new Target(
                    "Syllabus AI",
                    Sector.EDUCATION,
                    "FI",
                    CompanyStage.EARLY,
                    38,
                    "Adaptive tutoring for secondary schools"),
            new Target(
                    "Quarry Data",
                    Sector.ENTERPRISE_SOFTWARE,
                    "US",
                    CompanyStage.LATE,
                    820,
                    "Feature store and data catalogue"),
            new Target(
                    "Sentinel Grid",
                    Sector.CYBERSECURITY,
                    "IL",
                    CompanyStage.GROWTH,
                    210,
                    "Anomaly detection for OT networks"),
            new Target(
                    "Basket Signals",
                    Sector.RETAIL_AND_ECOMMERCE,
                    "FR",
                    CompanyStage.GROWTH,
                    130,
                    "Demand forecasting for grocers"),
            new Target(
                    "Reel Mind",
                    Sector.CONSUMER_AND_MEDIA,
                    "SE",
                    CompanyStage.EARLY,
                    60,
                    "Recommendation engine for streaming"),
            new Target(
                    "Spectrum Ops",
                    Sector.TELECOMMUNICATIONS,
                    "ES",
                    CompanyStage.LATE,
                    430,
                    "Network fault prediction"),
            new Target(
                    "Forge Robotics",
                    Sector.INDUSTRIALS,
                    "DE",
                    CompanyStage.GROWTH,
                    275,
                    "Vision-guided quality inspection"),
            new Target(
                    "Kilowatt Labs",
                    Sector.ENERGY_AND_UTILITIES,
                    "DK",
                    CompanyStage.GROWTH,
                    95,
                    "Wind output forecasting"),
            new Target(
                    "Routewise",
                    Sector.MOBILITY_AND_LOGISTICS,
                    "PL",
                    CompanyStage.GROWTH,
                    160,
                    "Route optimisation for parcel fleets"),
            new Target(
                    "Parcel Twin",
                    Sector.MOBILITY_AND_LOGISTICS,
                    "NL",
                    CompanyStage.EARLY,
                    42,
                    "Digital twins of warehouses"),
            new Target(
                    "Atrium Estates",
                    Sector.REAL_ESTATE,
                    "GB",
                    CompanyStage.GROWTH,
                    88,
                    "Automated property valuation"),
            new Target(
                    "Furrow",
                    Sector.AGRICULTURE_AND_FOOD,
                    "NZ",
                    CompanyStage.EARLY,
                    35,
                    "Yield prediction from satellite imagery"),
            new Target(
                    "Civic Lens",
                    Sector.PUBLIC_SECTOR,
                    "CA",
                    CompanyStage.GROWTH,
                    120,
                    "Benefit eligibility screening"),
            new Target(
                    "Ledgerly",
                    Sector.BUSINESS_SERVICES,
                    "IE",
                    CompanyStage.GROWTH,
                    190,
                    "Invoice extraction and reconciliation"),
            new Target(
                    "Northstar Lending",
                    Sector.FINANCIAL_SERVICES,
                    "US",
                    CompanyStage.LATE,
                    1450,
                    "Small-business lending platform"),
            new Target(
                    "Vigil Health",
                    Sector.HEALTHCARE,
                    "GB",
                    CompanyStage.EARLY,
                    55,
                    "Sepsis early warning in hospitals"),
            new Target(
                    "Mosaic Underwriting",
                    Sector.INSURANCE,
                    "US",
                    CompanyStage.GROWTH,
                    205,
                    "Commercial underwriting copilots"),
            new Target("Pipeline Talent", Sector.HR_AND_EMPLOYMENT, "US", CompanyStage.SEED, 14, "Interview analytics"),
            new Target(
                    "Oakfield Grid",
                    Sector.ENERGY_AND_UTILITIES,
                    "GB",
                    CompanyStage.PUBLIC,
                    3200,
                    "Smart-meter analytics"),
            new Target(
                    "Tessel Vision",
                    Sector.INDUSTRIALS,
                    "JP",
                    CompanyStage.GROWTH,
                    310,
                    "Defect detection for semiconductors"),
            new Target(
                    "Polyglot Support",
                    Sector.ENTERPRISE_SOFTWARE,
                    "PT",
                    CompanyStage.EARLY,
                    48,
                    "Multilingual customer-support agents"),
            new Target(
                    "Cartwheel Commerce",
                    Sector.RETAIL_AND_ECOMMERCE,
                    "DE",
                    CompanyStage.SEED,
                    11,
                    "Dynamic pricing for marketplaces"),
            new Target("Aegis Identity", Sector.CYBERSECURITY, "US", CompanyStage.LATE, 700, "Behavioural biometrics"));

    private static final DealStage[] STAGE_MIX = {
        DealStage.INVESTED, DealStage.INVESTED, DealStage.DILIGENCE, DealStage.SOURCED, DealStage.INVESTED,
        DealStage.PASSED, DealStage.EXITED, DealStage.DILIGENCE, DealStage.INVESTED, DealStage.SOURCED
    };

    private DemoPortfolio() {}

    /** Creates the first {@code count} targets and spreads them over {@code funds}; returns the companies. */
    static List<Company> build(
            CompanyService companies, HoldingService holdings, List<Fund> funds, int count, @Nullable String dealLead) {
        List<Company> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Target target = TARGETS.get(i % TARGETS.size());
            String slug = target.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
            created.add(companies.create(
                    CompanyProfile.of(target.name(), target.sector(), target.country(), target.stage())
                            .withWebsite("https://www." + slug + ".example")
                            .withEmployeeCount(target.employees())
                            .withDescription(target.pitch()),
                    List.of(new ExternalReference("dealcloud", "DC-" + (1000 + i)))));
        }
        for (int i = 0; i < created.size(); i++) {
            Fund fund = funds.get(i % funds.size());
            holdings.add(fund.id(), created.get(i).id(), terms(STAGE_MIX[i % STAGE_MIX.length], i, dealLead));
            if (i % 7 == 0 && funds.size() > 1) {
                // a company one fund already owns is in diligence for another
                holdings.add(
                        funds.get((i + 1) % funds.size()).id(),
                        created.get(i).id(),
                        terms(DealStage.DILIGENCE, i, dealLead));
            }
        }
        return created;
    }

    private static HoldingTerms terms(DealStage stage, int i, @Nullable String dealLead) {
        boolean held = stage == DealStage.INVESTED || stage == DealStage.EXITED;
        LocalDate entry = held ? LocalDate.of(2019 + i % 5, 1 + i % 12, 1 + i % 27) : null;
        return new HoldingTerms(
                stage,
                held ? BigDecimal.valueOf(5 + (i * 7) % 60) : null,
                entry,
                stage == DealStage.EXITED ? entry.plusYears(3) : null,
                dealLead);
    }
}
