package dev.diligence.domain.finding;

import static dev.diligence.domain.finding.FindingFixtures.ASSESSMENT;
import static dev.diligence.domain.finding.FindingFixtures.RAISED;
import static dev.diligence.domain.finding.FindingFixtures.aFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.domain.assessment.AssessmentStatus;
import dev.diligence.domain.scoring.RedFlag;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RedFlagFindingsTest {

    private static final Instant NOW = Instant.parse("2026-03-05T11:00:00Z");
    private static final RedFlag RF5 = RedFlag.of("RF5", dev.diligence.domain.scoring.Severity.HIGH, "C3.1 scored 0");
    private static final RedFlag RF4_HIGH = RedFlag.of("RF4", dev.diligence.domain.scoring.Severity.HIGH, "ratio 0.7");
    private static final RedFlag RF4_CRITICAL =
            RedFlag.of("RF4", dev.diligence.domain.scoring.Severity.CRITICAL, "ratio 0.7, credit");

    private static RedFlag gated(String criterion) {
        return new RedFlag(
                "RF7", dev.diligence.domain.scoring.Severity.LOW, criterion, criterion + " gated", List.of(), false);
    }

    private static Finding ruleFinding(RedFlag flag) {
        return Finding.raise(
                ASSESSMENT, flag.criterion(), RedFlagFindings.contentOf(flag), FindingSource.rule(flag.rule()), RAISED);
    }

    @Test
    void raisesAFindingForEachFlagThatHasNone() {
        Reconciliation result = RedFlagFindings.reconcile(
                ASSESSMENT, AssessmentStatus.DRAFT, List.of(), List.of(RF5, gated("C1.1"), gated("C2.2")), NOW);

        assertThat(result.raise())
                .extracting(
                        f -> f.source().ruleId(),
                        Finding::criterion,
                        f -> f.content().severity())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("RF5", null, Severity.HIGH),
                        org.assertj.core.groups.Tuple.tuple("RF7", "C1.1", Severity.LOW),
                        org.assertj.core.groups.Tuple.tuple("RF7", "C2.2", Severity.LOW));
        assertThat(result.raise()).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(FindingStatus.OPEN);
            assertThat(f.openedAt()).isEqualTo(NOW);
            assertThat(f.assessment()).isEqualTo(ASSESSMENT);
        });
        assertThat(result.keep()).isEmpty();
        assertThat(result.retire()).isEmpty();
    }

    @Test
    void keepsTheFindingOfAFlagThatStillFires() {
        Finding existing = ruleFinding(RF5);

        Reconciliation result =
                RedFlagFindings.reconcile(ASSESSMENT, AssessmentStatus.DRAFT, List.of(existing), List.of(RF5), NOW);

        assertThat(result.raise()).isEmpty();
        assertThat(result.keep()).containsExactly(existing);
        assertThat(result.retire()).isEmpty();
        assertThat(result.changesNothing()).isTrue();
    }

    @Test
    void aKeptFindingFollowsTheFlagsSeverityButKeepsWhatPeopleSet() {
        Finding existing = ruleFinding(RF4_HIGH);
        FindingContent assigned = new FindingContent(
                existing.content().title(),
                existing.content().description(),
                Severity.HIGH,
                "cro-rosa",
                null,
                "document mitigation",
                List.of());
        Finding owned = existing.withContent(assigned);

        Finding kept = RedFlagFindings.reconcile(
                        ASSESSMENT, AssessmentStatus.DRAFT, List.of(owned), List.of(RF4_CRITICAL), NOW)
                .keep()
                .get(0);

        assertThat(kept.id()).isEqualTo(existing.id());
        assertThat(kept.content().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(kept.content().description()).isEqualTo("ratio 0.7, credit");
        assertThat(kept.content().owner()).isEqualTo("cro-rosa");
        assertThat(kept.content().remediationPlan()).isEqualTo("document mitigation");
    }

    @Test
    void retiresTheFindingOfAFlagThatNoLongerFires() {
        Finding c11 = ruleFinding(gated("C1.1"));
        Finding c22 = ruleFinding(gated("C2.2"));

        Reconciliation result = RedFlagFindings.reconcile(
                ASSESSMENT, AssessmentStatus.DRAFT, List.of(c11, c22), List.of(gated("C2.2")), NOW);

        assertThat(result.keep()).extracting(Finding::id).containsExactly(c22.id());
        assertThat(result.retire()).containsExactly(c11);
        assertThat(result.raise()).isEmpty();
    }

    @Test
    void neverTouchesAssessorFindings() {
        Finding byAssessor = aFinding().about("C3.1").open();

        Reconciliation result =
                RedFlagFindings.reconcile(ASSESSMENT, AssessmentStatus.DRAFT, List.of(byAssessor), List.of(), NOW);

        assertThat(result.keep()).isEmpty();
        assertThat(result.retire()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = AssessmentStatus.class,
            names = {"IN_REVIEW", "PUBLISHED", "RETRACTED"})
    void ruleFindingsAreFrozenOnceTheAssessmentLeavesDraft(AssessmentStatus status) {
        Finding stillThere = ruleFinding(RF5);

        Reconciliation result =
                RedFlagFindings.reconcile(ASSESSMENT, status, List.of(stillThere), List.of(gated("C1.1")), NOW);

        assertThat(result.raise()).isEmpty();
        assertThat(result.retire()).isEmpty();
        assertThat(result.keep()).containsExactly(stillThere);
    }

    @Test
    void findingsOfAPublishedAssessmentStillMoveThroughTheirStatuses() {
        Finding frozen = RedFlagFindings.reconcile(
                        ASSESSMENT, AssessmentStatus.PUBLISHED, List.of(ruleFinding(RF5)), List.of(), NOW)
                .keep()
                .get(0);

        Finding resolved = frozen.startRemediation().resolve("monitoring in place", NOW.plusSeconds(86_400));

        assertThat(resolved.status()).isEqualTo(FindingStatus.RESOLVED);
        assertThat(resolved.timeToResolve()).isPresent();
    }
}
