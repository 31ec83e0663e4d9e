package dev.diligence.api.local;

import dev.diligence.api.access.FundAccessService;
import dev.diligence.api.assessment.AssessmentService;
import dev.diligence.api.company.CompanyService;
import dev.diligence.api.finding.FindingService;
import dev.diligence.api.fund.FundService;
import dev.diligence.api.holding.HoldingService;
import dev.diligence.api.person.PeopleService;
import dev.diligence.api.security.Role;
import dev.diligence.api.security.SystemCaller;
import dev.diligence.api.tenant.TenantService;
import dev.diligence.domain.assessment.Assessments;
import dev.diligence.domain.company.Company;
import dev.diligence.domain.framework.Frameworks;
import dev.diligence.domain.fund.Fund;
import dev.diligence.domain.fund.FundProfile;
import dev.diligence.domain.fund.FundStrategy;
import dev.diligence.domain.tenant.Tenant;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo firms, funds, companies, holdings and assessments for the embedded default, created through the application services (so
 * they pass the same rules as any request), and a note on how to call the API.
 */
@Component
@ConditionalOnBooleanProperty(EmbeddedDefaults.ACTIVE)
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** How many companies the optional large demo fund holds; 0 (the default) leaves it out. */
    static final String SCALE_FUND_COMPANIES = "diligence.demo.scale-fund-companies";

    private final TenantService tenants;
    private final FundService funds;
    private final CompanyService companies;
    private final HoldingService holdings;
    private final PeopleService people;
    private final FundAccessService access;
    private final AssessmentService assessments;
    private final FindingService findings;
    private final DemoScaleFund scaleFund;
    private final Environment environment;

    DemoData(
            TenantService tenants,
            FundService funds,
            CompanyService companies,
            HoldingService holdings,
            PeopleService people,
            FundAccessService access,
            AssessmentService assessments,
            FindingService findings,
            Assessments assessmentStore,
            Frameworks frameworks,
            TransactionTemplate transactions,
            Clock clock,
            Environment environment) {
        this.tenants = tenants;
        this.funds = funds;
        this.companies = companies;
        this.holdings = holdings;
        this.people = people;
        this.access = access;
        this.assessments = assessments;
        this.findings = findings;
        this.scaleFund =
                new DemoScaleFund(funds, companies, holdings, assessmentStore, frameworks, transactions, clock);
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedAndExplain() {
        Map<String, Tenant> firms = SystemCaller.callAs(
                "demo-seeder",
                Optional.empty(),
                Set.of(Role.PLATFORM_ADMIN),
                () -> Map.of(
                        DemoUser.NORTHWIND, tenants.create(DemoUser.NORTHWIND, "Northwind Capital Partners"),
                        DemoUser.HARBOR, tenants.create(DemoUser.HARBOR, "Harbor Ventures")));
        DemoUser.ALL.stream()
                .filter(user -> user.tenantKey() != null)
                .forEach(user -> SystemCaller.callAs(
                        user.login(),
                        user.name(),
                        Optional.of(firms.get(user.tenantKey())),
                        Set.of(user.role()),
                        () -> {
                            people.rememberCurrentCaller();
                            return user;
                        }));
        List<Company> northwindCompanies = new ArrayList<>();
        SystemCaller.callAs(
                "demo-seeder", Optional.of(firms.get(DemoUser.NORTHWIND)), Set.of(Role.TENANT_ADMIN), () -> {
                    List<Fund> northwind = List.of(
                            funds.create(new FundProfile(
                                    "Northwind Growth Fund III",
                                    2021,
                                    FundStrategy.GROWTH_EQUITY,
                                    "USD",
                                    new BigDecimal("750000000"))),
                            funds.create(new FundProfile(
                                    "Northwind Ventures II",
                                    2019,
                                    FundStrategy.VENTURE_CAPITAL,
                                    "USD",
                                    new BigDecimal("250000000"))),
                            funds.create(new FundProfile(
                                    "Northwind Buyout IV",
                                    2024,
                                    FundStrategy.BUYOUT,
                                    "EUR",
                                    new BigDecimal("1200000000"))));
                    northwindCompanies.addAll(DemoPortfolio.build(companies, holdings, northwind, 28, "alice"));
                    // frank, the fund manager, follows the growth fund only
                    return access.grant(northwind.get(0).id(), "frank");
                });
        new DemoAssessments(
                        assessments,
                        findings,
                        firms.get(DemoUser.NORTHWIND),
                        DemoAssessments.userOf(DemoUser.NORTHWIND, Role.ASSESSOR),
                        DemoAssessments.userOf(DemoUser.NORTHWIND, Role.REVIEWER))
                .assess(northwindCompanies, 16, 4);
        int scale = environment.getProperty(SCALE_FUND_COMPANIES, Integer.class, 0);
        if (scale > 0) {
            SystemCaller.callAs(
                    "demo-seeder",
                    Optional.of(firms.get(DemoUser.NORTHWIND)),
                    Set.of(Role.TENANT_ADMIN),
                    () -> scaleFund.build(scale));
            log.info("Northwind Scale Fund: {} companies with published assessments", scale);
        }
        SystemCaller.callAs("demo-seeder", Optional.of(firms.get(DemoUser.HARBOR)), Set.of(Role.TENANT_ADMIN), () -> {
            List<Fund> harbor = List.of(funds.create(new FundProfile(
                    "Harbor Seed Fund I", 2022, FundStrategy.VENTURE_CAPITAL, "GBP", new BigDecimal("80000000"))));
            return DemoPortfolio.build(companies, holdings, harbor, 8, "bob");
        });
        log.info(instructions());
    }

    private String instructions() {
        String tokenEndpoint = environment.getRequiredProperty(EmbeddedDefaults.TOKEN_ENDPOINT);
        String api = "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080") + "/graphql";
        StringBuilder users = new StringBuilder();
        DemoUser.ALL.forEach(user -> users.append(String.format(
                "%n    %-9s %-15s %s",
                user.login(), user.role().claimName(), user.tenantKey() == null ? "(no tenant)" : user.tenantKey())));
        return """

                ==================================================================================
                 Diligence API on embedded defaults (throw-away PostgreSQL and token issuer)
                   GraphQL:  %s        GraphiQL: %s
                   Portfolio page: %s (sign in as a demo user)
                 Demo users (login, role, tenant):%s
                 Get a token and call the API:
                   TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=alice -d client_secret=demo \\
                           %s | sed -n 's/.*"access_token" *: *"\\([^"]*\\)".*/\\1/p')
                   curl -s %s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
                        -d '{"query":"{ viewer { subject tenant { key } } funds(first: 2) { nodes { name holdings(first: 3) { totalCount nodes { dealStage company { name sector } } } } } }"}'
                ==================================================================================
                """.formatted(
                api, api.replace("/graphql", "/graphiql"), api.replace("/graphql", "/app/"), users, tokenEndpoint, api);
    }
}
