package dev.diligence.api.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.support.ApiIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.context.TestPropertySource;

/**
 * No existence oracle: for every operation that takes a global ID (as an argument, in a filter or in
 * an input), an ID of an object the caller must not see (another firm's, of every type and state;
 * for a fund-scoped fund manager, also its own firm's outside the granted funds) gets exactly the
 * answer that a random well-formed ID of the same type gets: the same HTTP status, content type and
 * whole response map (data, errors with paths, locations and extensions), with one normalisation
 * only: {@code compareCompanies(ids:)} echoes the probed ID itself in {@code missing}, as given, and
 * there alone the ID is replaced by a placeholder in both answers (see the probe). The inputs around
 * the ID are valid and carry the target's real expected version (and, to remove evidence, the
 * target's real evidence item), so nothing but visibility tells the two requests apart. The
 * assessment, finding and portfolio slots are probed with a subset of the targets (see
 * {@link OracleProbe}). Sanity probes show that an ID the caller can see does get a different
 * answer, and a final check shows that no probe changed what it could not see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// Each caller sends thousands of probes, more points than the default bucket holds: a bucket a hundred times the
// default keeps a fast run from being throttled (a throttled probe proves nothing and fails). The limit itself is
// RateLimitIT's subject. These properties give this class an application context of its own.
@TestPropertySource(properties = "diligence.limits.rate.capacity=1000000")
class ExistenceOracleIT extends ApiIntegrationTest {

    /**
     * The size of today's table, which may only grow. Callers: the tenant admin and the assessor probe
     * firm B's 12 targets, the fund-scoped fund manager those and firm A's 9 out-of-scope ones; every
     * probe is sent with both media types.
     * <ul>
     * <li>16 fund, company, holding, grant and audit ID slots, with every target: 16 x 2 x (12 + 12 + 21) = 1440</li>
     * <li>13 assessment ID slots, with the assessments plus one finding per kind: 13 x 2 x (3 + 3 + 5) = 286</li>
     * <li>3 company ID slots of findings and assessments, with the companies plus one assessment per kind: 3 x 2 x (4 + 4 + 7) = 90</li>
     * <li>findings(filter: {fundId}), with the funds plus one company per kind: 2 x (3 + 3 + 5) = 22</li>
     * <li>5 finding ID slots, with the findings plus one assessment per kind: 5 x 2 x (2 + 2 + 4) = 80</li>
     * <li>portfolio(fundId), with the funds plus one company per kind: 2 x (3 + 3 + 5) = 22</li>
     * <li>portfolioTrend(fundId) and compareCompanies(fundId), with the funds plus one company per kind: 2 x 2 x (3 + 3 + 5) = 44</li>
     * <li>compareCompanies(ids), the ID next to a visible company, with the companies plus one assessment per kind:
     * 2 x (4 + 4 + 7) = 30</li>
     * </ul>
     * 2014 in all. Sanity probes: 16 reads for each of the 3 callers, 28 mutations of the tenant admin, 5 of the assessor.
     */
    private static final int MINIMUM_PROBES = 2014;

    private static final int MINIMUM_SANITY_PROBES = 81;

    private static final List<OracleProbe> PROBES = OracleProbe.table();
    private static final List<SanityProbe> SANITY_PROBES = SanityProbe.table();
    private static final AtomicInteger probesRun = new AtomicInteger();
    private static final AtomicInteger sanityProbesRun = new AtomicInteger();

    private OracleWorld world;
    private OracleHttp http;
    private Map<String, Object> before;

    @BeforeAll
    void twoFirms() {
        world = OracleWorld.build(this::graphQl, newTenant("oracle-a"), newTenant("oracle-b"));
        http = new OracleHttp(http());
        before = world.snapshot();
    }

    static List<OracleProbe> probes() {
        return PROBES;
    }

    static List<SanityProbe> sanityProbes() {
        return SANITY_PROBES;
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void anIdTheCallerMustNotSeeIsAnsweredExactlyLikeARandomId(OracleProbe probe) {
        String target = world.id(probe.target());
        String random = GlobalId.encode(probe.target().typeName(), UUID.randomUUID());
        OracleSlot.Inputs inputs = world.inputs(target, nonce());
        String token = world.token(probe.caller());

        OracleHttp.Answer forTarget = http.post(
                token, probe.accept(), probe.slot().document(), probe.slot().variables(target, inputs));
        OracleHttp.Answer forRandom = http.post(
                token, probe.accept(), probe.slot().document(), probe.slot().variables(random, inputs));
        probesRun.incrementAndGet();

        String evidence =
                probe + "\n  target id " + target + " -> " + forTarget + "\n  random id " + random + " -> " + forRandom;
        assertThat(OracleOutcome.of(probe.slot(), forTarget))
                .as("throttled, so the probe proves nothing: %s", evidence)
                .isNotEqualTo(OracleOutcome.THROTTLED);
        assertThat(OracleOutcome.of(probe.slot(), forRandom))
                .as("the control must be a plain 'no such object' or 'not allowed': %s", evidence)
                .isIn(probe.expectedControlOutcomes());
        OracleHttp.Answer comparedTarget = forTarget;
        OracleHttp.Answer comparedRandom = forRandom;
        if (probe.slot().echoesId()) {
            // compareCompanies lists every ID that names no company the caller can see in `missing`, as given: the
            // hidden
            // ID in one answer and the random ID in the other are different strings by construction, although each says
            // no more than "nothing you can see". Only that echo is replaced, by the same placeholder in both answers;
            // the
            // rest (the companies listed, the medians, the errors, the extensions, the ID anywhere else) must still be
            // identical. Both IDs must have been echoed, or the replacement hid nothing and proved nothing.
            comparedTarget = forTarget.withEchoReplaced(probe.slot(), target);
            comparedRandom = forRandom.withEchoReplaced(probe.slot(), random);
        }
        assertThat(comparedTarget).as("EXISTENCE ORACLE: %s", evidence).isEqualTo(comparedRandom);
        if (probe.slot().echoesId()) {
            assertThat(comparedTarget)
                    .as("the hidden ID is echoed in missing: %s", evidence)
                    .isNotEqualTo(forTarget);
            assertThat(comparedRandom)
                    .as("the random ID is echoed in missing: %s", evidence)
                    .isNotEqualTo(forRandom);
        }
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @MethodSource("sanityProbes")
    void anIdTheCallerCanSeeIsAnsweredDifferently(SanityProbe probe) {
        String visible = world.id(probe.visible());
        String random = GlobalId.encode(typeOf(visible), UUID.randomUUID());
        OracleSlot.Inputs inputs = world.inputs(visible, nonce());
        String token = world.token(probe.caller());

        OracleHttp.Answer forRandom = http.post(
                token,
                OracleHttp.Accept.JSON,
                probe.slot().document(),
                probe.slot().variables(random, inputs));
        OracleHttp.Answer forVisible = http.post(
                token,
                OracleHttp.Accept.JSON,
                probe.slot().document(),
                probe.slot().variables(visible, inputs));
        sanityProbesRun.incrementAndGet();

        String evidence = probe + "\n  visible id " + visible + " -> " + forVisible + "\n  random id " + random + " -> "
                + forRandom;
        assertThat(OracleOutcome.of(probe.slot(), forRandom))
                .as(evidence)
                .isEqualTo(OracleProbe.notFoundOutcome(probe.slot()));
        assertThat(OracleOutcome.of(probe.slot(), forVisible)).as(evidence).isEqualTo(OracleOutcome.PRESENT);
        assertThat(forVisible).as(evidence).isNotEqualTo(forRandom);
    }

    @Order(3)
    @Test
    void theProbesChangedNothingTheyCouldNotSee() {
        assertThat(world.snapshot()).isEqualTo(before);
    }

    @AfterAll
    void everyProbeOfTheTableRan() {
        System.out.printf(
                "ExistenceOracleIT: %d oracle probes run (table: %d = callers x ID slots x hidden targets x media types), "
                        + "%d sanity probes run (table: %d)%n",
                probesRun.get(), PROBES.size(), sanityProbesRun.get(), SANITY_PROBES.size());
        assertThat(PROBES).hasSizeGreaterThanOrEqualTo(MINIMUM_PROBES);
        assertThat(SANITY_PROBES).hasSizeGreaterThanOrEqualTo(MINIMUM_SANITY_PROBES);
        assertThat(probesRun).as("oracle probes run").hasValue(PROBES.size());
        assertThat(sanityProbesRun).as("sanity probes run").hasValue(SANITY_PROBES.size());
    }

    private static String typeOf(String globalId) {
        return GlobalId.decode(globalId).orElseThrow().typeName();
    }

    private static String nonce() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
