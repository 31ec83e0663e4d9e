package dev.diligence.api.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.sync.SyncFixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Races on every uniqueness rule the API exposes: {@value #RACERS} writes of one unique value, released
 * together by a start gate, each on its own thread. The database's unique constraints decide who wins;
 * the API must answer every loser exactly as it answers the same write sent after the winner (the
 * sequential answer, asked for once more after each race), never with a top-level INTERNAL_ERROR, and
 * leave exactly one row. Where the write is idempotent by nature (remembering a caller), every racer
 * succeeds. Each race prints its tally, so a run shows how many answers each outcome got.
 * <p>
 * Not raced here, because nothing can race on them: derived framework version numbers (a sequence),
 * sync references (written under the source's lock, see {@code SyncConcurrencyIT}), change-feed
 * positions (numbered under the tenant's commit lock), and the child rows of assessments (written after
 * the version-checked update of their assessment, or by upserts).
 * <p>
 * A race sends {@value #RACERS} requests of one caller at once, more than a caller may have in flight
 * by default ({@code CallerGateIT} tests that cap), so this class raises the cap.
 */
@TestPropertySource(properties = "diligence.limits.rate.max-in-flight=" + UniqueRaceIT.RACERS)
class UniqueRaceIT extends ApiIntegrationTest {

    static final int RACERS = 20;

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private static final String USER_ERRORS = "userErrors { field code message }";
    private static final String CREATE_TENANT =
            "mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { key } " + USER_ERRORS
                    + " } }";
    private static final String CREATE_FUND =
            "mutation($input: CreateFundInput!) { createFund(input: $input) { fund { id } " + USER_ERRORS + " } }";
    private static final String UPDATE_FUND =
            "mutation($input: UpdateFundInput!) { updateFund(input: $input) { fund { id } " + USER_ERRORS + " } }";
    private static final String CREATE_COMPANY =
            "mutation($input: CreateCompanyInput!) { createCompany(input: $input) { company { id } " + USER_ERRORS
                    + " } }";
    private static final String UPDATE_COMPANY =
            "mutation($input: UpdateCompanyInput!) { updateCompany(input: $input) { company { id } " + USER_ERRORS
                    + " } }";
    private static final String ADD_HOLDING =
            "mutation($input: AddHoldingInput!) { addHolding(input: $input) { holding { id } " + USER_ERRORS + " } }";
    private static final String GRANT =
            "mutation($input: FundAccessInput!) { grantFundAccess(input: $input) { grant { id } " + USER_ERRORS
                    + " } }";
    private static final String ITEMS = "{ externalId outcome id " + USER_ERRORS + " }";
    private static final String SYNC = "mutation($input: SyncDealsInput!) { syncDeals(input: $input) { replayed funds "
            + ITEMS + " companies " + ITEMS + " holdings " + ITEMS + " " + USER_ERRORS + " } }";
    private static final String VIEWER = "{ viewer { subject } }";

    private static String tenant;
    private static UUID tenantId;

    @BeforeAll
    static void aTenant() {
        tenant = newTenant("races");
        tenantId = uuid("select id from tenants where key = ?", tenant);
    }

    /** The constraints whose races are run again exist under these names (a migration renaming one fails here). */
    @Test
    void everyGuardedConstraintExists() {
        for (String constraint : UniqueRaces.GUARDED) {
            assertThat(number(
                            "select count(*) from pg_class c join pg_index i on i.indexrelid = c.oid"
                                    + " where c.relname = ? and i.indisunique",
                            constraint))
                    .as(constraint)
                    .isEqualTo(1);
        }
    }

    /** tenants.key (unique): createTenant, by platform administrators. */
    @Test
    void createTenantWithOneKey() throws Exception {
        String key = "race-" + suffix();
        Map<String, Object> input = Map.of("key", key, "name", "Race Capital");
        String root = platformAdminToken();
        List<Answer> answers = race("createTenant", i -> call(root, CREATE_TENANT, "createTenant", input));

        Answer sequential = call(root, CREATE_TENANT, "createTenant", input);
        assertOneWinnerAndLosersAnsweredAs(answers, sequential, "ALREADY_EXISTS");
        assertThat(number("select count(*) from tenants where key = ?", key)).isEqualTo(1);
    }

    /** funds_name_unique (tenant_id, lower(name)): createFund. */
    @Test
    void createFundWithOneName() throws Exception {
        String name = "Race Fund " + suffix();
        String admin = usersOf(tenant).tenantAdmin();
        List<Answer> answers = race("createFund", i -> call(admin, CREATE_FUND, "createFund", fundInput(name)));

        Answer sequential = call(admin, CREATE_FUND, "createFund", fundInput(name));
        assertOneWinnerAndLosersAnsweredAs(answers, sequential, "ALREADY_EXISTS");
        assertThat(number("select count(*) from funds where tenant_id = ? and lower(name) = lower(?)", tenantId, name))
                .isEqualTo(1);
    }

    /** funds_name_unique: updateFund, {@value #RACERS} funds renamed to one name at once. */
    @Test
    void updateFundsToOneName() throws Exception {
        String name = "Renamed Race Fund " + suffix();
        String admin = usersOf(tenant).tenantAdmin();
        List<String> funds = IntStream.rangeClosed(0, RACERS)
                .mapToObj(
                        i -> succeeded(call(admin, CREATE_FUND, "createFund", fundInput("Fund to rename " + suffix())))
                                .id("fund"))
                .toList();
        List<Answer> answers = race(
                "updateFund",
                i -> call(
                        admin,
                        UPDATE_FUND,
                        "updateFund",
                        Map.of("id", funds.get(i), "expectedVersion", 0, "name", name)));

        Answer sequential = call(
                admin, UPDATE_FUND, "updateFund", Map.of("id", funds.get(RACERS), "expectedVersion", 0, "name", name));
        assertOneWinnerAndLosersAnsweredAs(answers, sequential, "ALREADY_EXISTS");
        assertThat(number("select count(*) from funds where tenant_id = ? and lower(name) = lower(?)", tenantId, name))
                .isEqualTo(1);
    }

    /** company_references unique (tenant_id, source, external_id): createCompany. */
    @Test
    void createCompanyWithOneExternalReference() throws Exception {
        String externalId = "dc-" + suffix();
        String admin = usersOf(tenant).tenantAdmin();
        List<Answer> answers = race(
                "createCompany",
                i -> call(
                        admin,
                        CREATE_COMPANY,
                        "createCompany",
                        companyInput("Race company " + i, "dealcloud", externalId)));

        Answer sequential = call(
                admin, CREATE_COMPANY, "createCompany", companyInput("Race company late", "dealcloud", externalId));
        assertOneWinnerAndLosersAnsweredAs(answers, sequential, "ALREADY_EXISTS");
        assertThat(number(
                        "select count(*) from company_references where tenant_id = ? and source = 'dealcloud' and external_id = ?",
                        tenantId,
                        externalId))
                .isEqualTo(1);
        // no company of a loser stayed without its reference
        assertThat(number(
                        "select count(*) from companies where tenant_id = ? and name like 'Race company %'", tenantId))
                .isEqualTo(1);
    }

    /** company_references unique (tenant_id, source, external_id): updateCompany, {@value #RACERS} companies given one reference. */
    @Test
    void updateCompaniesToOneExternalReference() throws Exception {
        String externalId = "sf-" + suffix();
        String admin = usersOf(tenant).tenantAdmin();
        List<String> companies = IntStream.rangeClosed(0, RACERS)
                .mapToObj(i -> succeeded(call(
                                admin,
                                CREATE_COMPANY,
                                "createCompany",
                                companyInput("Company to refer " + suffix(), "dealcloud", "own-" + suffix())))
                        .id("company"))
                .toList();
        List<Map<String, Object>> references = List.of(Map.of("source", "salesforce", "externalId", externalId));
        List<Answer> answers = race(
                "updateCompany",
                i -> call(
                        admin,
                        UPDATE_COMPANY,
                        "updateCompany",
                        Map.of("id", companies.get(i), "expectedVersion", 0, "externalReferences", references)));

        Answer sequential = call(
                admin,
                UPDATE_COMPANY,
                "updateCompany",
                Map.of("id", companies.get(RACERS), "expectedVersion", 0, "externalReferences", references));
        assertOneWinnerAndLosersAnsweredAs(answers, sequential, "ALREADY_EXISTS");
        assertThat(number(
                        "select count(*) from company_references where tenant_id = ? and source = 'salesforce' and external_id = ?",
                        tenantId,
                        externalId))
                .isEqualTo(1);
    }

    /** holdings_company_once_per_fund (tenant_id, fund_id, company_id): addHolding. */
    @Test
    void addOneCompanyToOneFund() throws Exception {
        String admin = usersOf(tenant).tenantAdmin();
        String fundName = "Holding race fund " + suffix();
        String fund = succeeded(call(admin, CREATE_FUND, "createFund", fundInput(fundName)))
                .id("fund");
        String company = succeeded(call(
                        admin,
                        CREATE_COMPANY,
                        "createCompany",
                        companyInput("Holding race company", "dealcloud", "h-" + suffix())))
                .id("company");
        Map<String, Object> input = Map.of("fundId", fund, "companyId", company, "dealStage", "SOURCED");
        List<Answer> answers = race("addHolding", i -> call(admin, ADD_HOLDING, "addHolding", input));

        Answer sequential = call(admin, ADD_HOLDING, "addHolding", input);
        assertOneWinnerAndLosersAnsweredAs(answers, sequential, "ALREADY_EXISTS");
        assertThat(holdingsOfFund(fundName)).isEqualTo(1);
    }

    /** fund_grants_once (tenant_id, fund_id, subject): grantFundAccess. */
    @Test
    void grantOneFundToOnePerson() throws Exception {
        String admin = usersOf(tenant).tenantAdmin();
        String fund = succeeded(call(admin, CREATE_FUND, "createFund", fundInput("Grant race fund " + suffix())))
                .id("fund");
        String subject = "manager-" + suffix();
        Map<String, Object> input = Map.of("fundId", fund, "subject", subject);
        List<Answer> answers = race("grantFundAccess", i -> call(admin, GRANT, "grantFundAccess", input));

        Answer sequential = call(admin, GRANT, "grantFundAccess", input);
        assertOneWinnerAndLosersAnsweredAs(answers, sequential, "ALREADY_EXISTS");
        assertThat(number("select count(*) from fund_grants where tenant_id = ? and subject = ?", tenantId, subject))
                .isEqualTo(1);
    }

    /**
     * funds_name_unique inside syncDeals: {@value #RACERS} syncs of different sources (which do not wait
     * for each other) each create a fund of one name. The loser's item fails with the userError of the
     * name rule; the call itself succeeds.
     */
    @Test
    void syncsOfManySourcesCreateFundsOfOneName() throws Exception {
        List<String> scripts = integrationScripts();
        String name = "Synced race fund " + suffix();
        String run = suffix();
        IntFunction<Map<String, Object>> sync = i -> SyncFixtures.input(
                "src-" + run + "-" + i, "key-" + run + "-" + i, List.of(syncFund("F1", name)), List.of(), List.of());
        List<Answer> answers = race(
                "syncDeals (fund names of many sources)", i -> call(scripts.get(i), SYNC, "syncDeals", sync.apply(i)));

        Answer sequential = call(scripts.get(RACERS), SYNC, "syncDeals", sync.apply(RACERS));
        assertThat(errorsOf(answers)).isEmpty();
        answers.forEach(answer -> assertThat(answer.userErrors()).isEmpty());
        List<Map<String, Object>> items =
                answers.stream().map(answer -> answer.items("funds").get(0)).toList();
        assertThat(items.stream().filter(item -> "CREATED".equals(item.get("outcome"))))
                .hasSize(1);
        Map<String, Object> expected = sequential.items("funds").get(0);
        assertThat(expected.get("outcome")).isEqualTo("FAILED");
        items.stream()
                .filter(item -> !"CREATED".equals(item.get("outcome")))
                .forEach(item -> assertThat(item).isEqualTo(expected));
        assertThat(number("select count(*) from funds where tenant_id = ? and name = ?", tenantId, name))
                .isEqualTo(1);
        assertThat(number(
                        "select count(*) from sync_requests where tenant_id = ? and idempotency_key like ?",
                        tenantId,
                        "key-" + run + "-%"))
                .isEqualTo(RACERS + 1);
    }

    /**
     * company_references unique between syncDeals and createCompany: half the racers sync a company of
     * one (source, external ID), half create a company with that reference. One company results; a
     * losing createCompany gets the reference's userError, a losing sync finds the company and updates it.
     */
    @Test
    void syncsAndCreateCompanyClaimOneReference() throws Exception {
        List<String> scripts = integrationScripts();
        String externalId = "crm-" + suffix();
        String source = "crm-" + suffix();
        String admin = usersOf(tenant).tenantAdmin();
        String run = suffix();
        List<Answer> answers = race(
                "syncDeals + createCompany (one reference)",
                i -> i % 2 == 0
                        ? call(
                                scripts.get(i),
                                SYNC,
                                "syncDeals",
                                SyncFixtures.input(
                                        source,
                                        "key-" + run + "-" + i,
                                        List.of(),
                                        List.of(syncCompany(externalId, "Synced race company")),
                                        List.of()))
                        : call(
                                admin,
                                CREATE_COMPANY,
                                "createCompany",
                                companyInput("Created race company " + run, source, externalId)));

        Answer sequential = call(
                admin,
                CREATE_COMPANY,
                "createCompany",
                companyInput("Created race company " + run, source, externalId));
        assertThat(errorsOf(answers)).isEmpty();
        int created = 0;
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            if (i % 2 == 0) {
                assertThat(answer.userErrors()).isEmpty();
                Object outcome = answer.items("companies").get(0).get("outcome");
                assertThat(outcome).isIn("CREATED", "UPDATED", "UNCHANGED");
                created += "CREATED".equals(outcome) ? 1 : 0;
            } else if (answer.userErrors().isEmpty()) {
                created++;
            } else {
                assertThat(answer.userErrors()).isEqualTo(sequential.userErrors());
            }
        }
        assertThat(created).isEqualTo(1);
        assertThat(sequential.userErrors())
                .extracting(error -> error.get("code"))
                .containsExactly("ALREADY_EXISTS");
        assertThat(number(
                        "select count(*) from company_references where tenant_id = ? and source = ?", tenantId, source))
                .isEqualTo(1);
        assertThat(number(
                        "select count(*) from companies where tenant_id = ? and (name = 'Synced race company' or name = ?)",
                        tenantId,
                        "Created race company " + run))
                .isEqualTo(1);
    }

    /**
     * holdings_company_once_per_fund between syncDeals and addHolding: half the racers sync a deal of a
     * fund and company the source knows, half add the same company to the same fund. One holding
     * results; a losing addHolding gets its userError, a losing sync's item fails with the holding rule's.
     */
    @Test
    void syncsAndAddHoldingPutOneCompanyInOneFund() throws Exception {
        List<String> scripts = integrationScripts();
        String source = "deals-" + suffix();
        String admin = usersOf(tenant).tenantAdmin();
        String run = suffix();
        Answer setup = succeeded(call(
                scripts.get(RACERS),
                SYNC,
                "syncDeals",
                SyncFixtures.input(
                        source,
                        "setup-" + run,
                        List.of(syncFund("F1", "Deal race fund " + run)),
                        List.of(syncCompany("C1", "Deal race company " + run)),
                        List.of())));
        String fund = (String) setup.items("funds").get(0).get("id");
        String company = (String) setup.items("companies").get(0).get("id");
        Map<String, Object> holding = Map.of("fundId", fund, "companyId", company, "dealStage", "SOURCED");
        List<Answer> answers = race(
                "syncDeals + addHolding (one company in one fund)",
                i -> i % 2 == 0
                        ? call(
                                scripts.get(i),
                                SYNC,
                                "syncDeals",
                                SyncFixtures.input(
                                        source,
                                        "key-" + run + "-" + i,
                                        List.of(),
                                        List.of(),
                                        List.of(Map.of(
                                                "externalId",
                                                "H1",
                                                "fundExternalId",
                                                "F1",
                                                "companyExternalId",
                                                "C1",
                                                "dealStage",
                                                "SOURCED"))))
                        : call(admin, ADD_HOLDING, "addHolding", holding));

        Answer sequential = call(admin, ADD_HOLDING, "addHolding", holding);
        assertThat(errorsOf(answers)).isEmpty();
        int created = 0;
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            if (i % 2 == 0) {
                assertThat(answer.userErrors()).isEmpty();
                Map<String, Object> item = answer.items("holdings").get(0);
                if ("FAILED".equals(item.get("outcome"))) {
                    assertThat(item.get("userErrors"))
                            .isEqualTo(List.of(Map.of(
                                    "field",
                                    List.of("companyExternalId"),
                                    "code",
                                    "ALREADY_EXISTS",
                                    "message",
                                    "the company is already in this fund, under another deal")));
                } else {
                    assertThat(item.get("outcome")).isIn("CREATED", "UNCHANGED");
                    created += "CREATED".equals(item.get("outcome")) ? 1 : 0;
                }
            } else if (answer.userErrors().isEmpty()) {
                created++;
            } else {
                assertThat(answer.userErrors()).isEqualTo(sequential.userErrors());
            }
        }
        assertThat(created).isEqualTo(1);
        assertThat(sequential.userErrors())
                .extracting(error -> error.get("code"))
                .containsExactly("ALREADY_EXISTS");
        assertThat(holdingsOfFund("Deal race fund " + run)).isEqualTo(1);
    }

    /**
     * sync_requests (tenant_id, idempotency_key): {@value #RACERS} identical syncs under one key. One
     * applies it; the others replay its stored result or are told the key is in flight.
     */
    @Test
    void identicalSyncsUnderOneKey() throws Exception {
        List<String> scripts = integrationScripts();
        String name = "Keyed race fund " + suffix();
        String key = "key-" + suffix();
        Map<String, Object> input =
                SyncFixtures.input("keyed-" + suffix(), key, List.of(syncFund("F1", name)), List.of(), List.of());
        List<Answer> answers =
                race("syncDeals (one idempotency key)", i -> call(scripts.get(i), SYNC, "syncDeals", input));

        assertThat(errorsOf(answers)).isEmpty();
        assertThat(answers.stream()
                        .filter(answer -> answer.userErrors().isEmpty()
                                && Boolean.FALSE.equals(answer.payload().get("replayed"))))
                .hasSize(1);
        for (Answer answer : answers) {
            if (!answer.userErrors().isEmpty()) {
                assertThat(answer.userErrors())
                        .extracting(error -> error.get("code"))
                        .containsExactly("IDEMPOTENCY_KEY_IN_FLIGHT");
            } else {
                assertThat(answer.items("funds").get(0).get("outcome")).isEqualTo("CREATED");
            }
        }
        assertThat(number(
                        "select count(*) from sync_requests where tenant_id = ? and idempotency_key = ?",
                        tenantId,
                        key))
                .isEqualTo(1);
        assertThat(number("select count(*) from funds where tenant_id = ? and name = ?", tenantId, name))
                .isEqualTo(1);
    }

    /** people primary key (tenant_id, subject): the first requests of a new caller, at once. Idempotent: all succeed. */
    @Test
    void firstRequestsOfOneCaller() throws Exception {
        String subject = "newcomer-" + suffix();
        String token = ISSUER.token(subject, tenant, "assessor");
        List<Answer> answers = race("first requests of one caller", i -> call(token, VIEWER, "viewer", Map.of()));

        assertThat(errorsOf(answers)).isEmpty();
        answers.forEach(answer -> assertThat(answer.payload()).containsEntry("subject", subject));
        assertThat(number("select count(*) from people where tenant_id = ? and subject = ?", tenantId, subject))
                .isEqualTo(1);
    }

    // ---- the race and its answers

    /** One answer: the field's payload ({@code data.<field>}) and the top-level errors. */
    private record Answer(Map<String, Object> payload, List<Map<String, Object>> errors) {

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> userErrors() {
            return payload == null
                    ? List.of()
                    : (List<Map<String, Object>>) payload.getOrDefault("userErrors", List.of());
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items(String list) {
            return (List<Map<String, Object>>) payload.get(list);
        }

        @SuppressWarnings("unchecked")
        String id(String node) {
            return (String) ((Map<String, Object>) payload.get(node)).get("id");
        }

        /** "ok", the codes of the user errors, or the classifications of the top-level errors. */
        @SuppressWarnings("unchecked")
        String outcome() {
            if (!errors.isEmpty()) {
                return errors.stream()
                        .map(error -> String.valueOf(((Map<String, Object>) error.getOrDefault("extensions", Map.of()))
                                .get("classification")))
                        .distinct()
                        .sorted()
                        .reduce((a, b) -> a + "+" + b)
                        .orElseThrow();
            }
            if (!userErrors().isEmpty()) {
                return userErrors().stream()
                        .map(error -> String.valueOf(error.get("code")))
                        .reduce((a, b) -> a + "+" + b)
                        .orElseThrow();
            }
            return "ok";
        }
    }

    /**
     * Sends {@value #RACERS} requests ({@code request} of 0 to 19), released together once every thread
     * is ready, and returns their answers in that order. Prints the tally of outcomes.
     */
    private static List<Answer> race(String rule, IntFunction<Answer> request) throws Exception {
        CountDownLatch ready = new CountDownLatch(RACERS);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                int racer = i;
                Callable<Answer> call = () -> {
                    ready.countDown();
                    go.await();
                    return request.apply(racer);
                };
                futures.add(threads.submit(call));
            }
            assertThat(ready.await(1, TimeUnit.MINUTES)).isTrue();
            go.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get(2, TimeUnit.MINUTES));
            }
            Map<String, Integer> tally = new TreeMap<>();
            answers.forEach(answer -> tally.merge(answer.outcome(), 1, Integer::sum));
            System.out.println("UniqueRaceIT " + rule + ": " + tally);
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Exactly one racer succeeded; every other one got the sequential answer, a userError with {@code code}. */
    private static void assertOneWinnerAndLosersAnsweredAs(List<Answer> answers, Answer sequential, String code) {
        long unlikeSequential = answers.stream()
                .filter(answer ->
                        !answer.userErrors().isEmpty() && !answer.userErrors().equals(sequential.userErrors()))
                .count();
        System.out.println("UniqueRaceIT   userErrors unlike the sequential answer: " + unlikeSequential);
        assertThat(errorsOf(answers)).isEmpty();
        assertThat(sequential.errors()).isEmpty();
        assertThat(sequential.userErrors())
                .extracting(error -> error.get("code"))
                .containsExactly(code);
        assertThat(answers.stream().filter(answer -> answer.userErrors().isEmpty()))
                .hasSize(1);
        answers.stream()
                .filter(answer -> !answer.userErrors().isEmpty())
                .forEach(answer -> assertThat(answer.userErrors()).isEqualTo(sequential.userErrors()));
    }

    private static List<Map<String, Object>> errorsOf(List<Answer> answers) {
        return answers.stream().flatMap(answer -> answer.errors().stream()).toList();
    }

    private static Answer succeeded(Answer answer) {
        assertThat(answer.errors()).isEmpty();
        assertThat(answer.userErrors()).isEmpty();
        return answer;
    }

    /**
     * Tokens of {@value #RACERS} + 1 integration scripts of the tenant, never used before: each racer
     * syncs as a caller of its own, since a sync costs more than a tenth of a caller's rate-limit bucket.
     */
    private static List<String> integrationScripts() {
        String run = suffix();
        return IntStream.rangeClosed(0, RACERS)
                .mapToObj(n -> ISSUER.token("sync-script-" + run + "-" + n, tenant, "integration"))
                .toList();
    }

    /** Posts one GraphQL request; {@code field} names the root field whose payload is answered. */
    @SuppressWarnings("unchecked")
    private Answer call(String token, String document, String field, Map<String, Object> input) {
        Map<String, Object> variables = input.isEmpty() ? Map.of() : Map.of("input", input);
        Map<String, Object> body = client().post()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", document, "variables", variables))
                .exchange()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        Objects.requireNonNull(body, "no response body");
        Map<String, Object> data = (Map<String, Object>) body.get("data");
        return new Answer(data == null ? null : (Map<String, Object>) data.get(field), (List<Map<String, Object>>)
                body.getOrDefault("errors", List.of()));
    }

    private WebTestClient client() {
        return http().mutate().responseTimeout(Duration.ofMinutes(2)).build();
    }

    // ---- inputs

    private static Map<String, Object> fundInput(String name) {
        return Map.of("name", name, "vintageYear", 2021, "strategy", "BUYOUT", "currency", "EUR");
    }

    private static Map<String, Object> companyInput(String name, String source, String externalId) {
        return Map.of(
                "name",
                name,
                "sector",
                "HEALTHCARE",
                "headquartersCountry",
                "DE",
                "stage",
                "GROWTH",
                "externalReferences",
                List.of(Map.of("source", source, "externalId", externalId)));
    }

    private static Map<String, Object> syncFund(String externalId, String name) {
        return Map.of(
                "externalId",
                externalId,
                "name",
                name,
                "vintageYear",
                2022,
                "strategy",
                "VENTURE_CAPITAL",
                "currency",
                "EUR");
    }

    private static Map<String, Object> syncCompany(String externalId, String name) {
        return Map.of(
                "externalId",
                externalId,
                "name",
                name,
                "sector",
                "HEALTHCARE",
                "headquartersCountry",
                "DE",
                "stage",
                "GROWTH");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- what the database holds, read as its administrator

    private static long number(String sql, Object... parameters) {
        return (Long) single(sql, parameters);
    }

    private static long holdingsOfFund(String fundName) {
        return number(
                "select count(*) from holdings h join funds f on f.tenant_id = h.tenant_id and f.id = h.fund_id"
                        + " where h.tenant_id = ? and f.name = ?",
                tenantId,
                fundName);
    }

    private static UUID uuid(String sql, Object... parameters) {
        return (UUID) single(sql, parameters);
    }

    private static Object single(String sql, Object... parameters) {
        try (Connection admin = DB.connectAsAdmin();
                PreparedStatement statement = admin.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("a row of " + sql).isTrue();
                return rows.getObject(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
