package dev.diligence.domain.finding;

import static dev.diligence.domain.finding.FindingFixtures.ASSESSMENT;
import static dev.diligence.domain.finding.FindingFixtures.FIXED;
import static dev.diligence.domain.finding.FindingFixtures.RAISED;
import static dev.diligence.domain.finding.FindingFixtures.aFinding;
import static dev.diligence.domain.shared.ViolationAssertions.assertThatRuleViolation;
import static dev.diligence.domain.shared.ViolationAssertions.generalViolation;
import static dev.diligence.domain.shared.ViolationAssertions.violation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.domain.shared.ViolationCode;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FindingTest {

    private static final Instant LATER = Instant.parse("2026-04-01T00:00:00Z");

    @Test
    void aRaisedFindingIsOpenSinceItWasRaised() {
        Finding finding = aFinding().open();

        assertThat(finding.status()).isEqualTo(FindingStatus.OPEN);
        assertThat(finding.assessment()).isEqualTo(ASSESSMENT);
        assertThat(finding.criterion()).isEqualTo("C3.1");
        assertThat(finding.source()).isEqualTo(FindingSource.assessor());
        assertThat(finding.openedAt()).isEqualTo(RAISED);
        assertThat(finding.closedAt()).isNull();
        assertThat(finding.timeToResolve()).isEmpty();
    }

    @Test
    void refusesToRaiseAFindingWithoutATitle() {
        FindingContent untitled = aFinding().titled(" ").content();

        assertThatRuleViolation(() -> Finding.raise(ASSESSMENT, null, untitled, FindingSource.assessor(), RAISED))
                .containsExactly(violation("title", ViolationCode.REQUIRED));
    }

    @Test
    void resolvingKeepsTheNoteAndTheTimeToResolve() {
        Finding resolved = aFinding().open().startRemediation().resolve("  drift checks added ", FIXED);

        assertThat(resolved.status()).isEqualTo(FindingStatus.RESOLVED);
        assertThat(resolved.closingNote()).isEqualTo("drift checks added");
        assertThat(resolved.closedAt()).isEqualTo(FIXED);
        assertThat(resolved.timeToResolve()).contains(Duration.between(RAISED, FIXED));
    }

    @Test
    void resolvingNeedsANote() {
        Finding open = aFinding().open();

        assertThatRuleViolation(() -> open.resolve("  ", FIXED))
                .containsExactly(violation("resolutionNote", ViolationCode.REQUIRED));
    }

    @Test
    void acceptingARiskNeedsTheCallerToBeATenantAdmin() {
        Finding open = aFinding().open();

        assertThatRuleViolation(() -> open.acceptRisk(false, "model retired next quarter", FIXED))
                .containsExactly(generalViolation(ViolationCode.INVALID));
    }

    @Test
    void acceptingARiskNeedsAJustificationAndIsNotAResolution() {
        Finding open = aFinding().open();

        assertThatRuleViolation(() -> open.acceptRisk(true, "", FIXED))
                .containsExactly(violation("justification", ViolationCode.REQUIRED));
        Finding accepted = open.acceptRisk(true, "model retired next quarter", FIXED);
        assertThat(accepted.status()).isEqualTo(FindingStatus.ACCEPTED_RISK);
        assertThat(accepted.timeToResolve()).isEmpty();
    }

    @Test
    void reopeningForgetsTheClosingButKeepsTheFirstOpeningTime() {
        Finding reopened = aFinding().in(FindingStatus.RESOLVED).reopen();

        assertThat(reopened.status()).isEqualTo(FindingStatus.OPEN);
        assertThat(reopened.closedAt()).isNull();
        assertThat(reopened.closingNote()).isNull();
        Finding resolvedAgain = reopened.resolve("fixed for real", LATER);
        assertThat(resolvedAgain.timeToResolve()).contains(Duration.between(RAISED, LATER));
    }

    /** Every (from, to) pair with the transition that moves there. */
    static Stream<Arguments> moves() {
        Stream.Builder<Arguments> moves = Stream.builder();
        for (FindingStatus from : FindingStatus.values()) {
            for (FindingStatus to : FindingStatus.values()) {
                moves.add(Arguments.of(from, to));
            }
        }
        return moves.build();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("moves")
    void movesOnlyAlongTheAllowedTransitions(FindingStatus from, FindingStatus to) {
        Finding finding = aFinding().in(from);
        Function<Finding, Finding> move = switch (to) {
            case OPEN -> Finding::reopen;
            case IN_REMEDIATION -> Finding::startRemediation;
            case RESOLVED -> f -> f.resolve("fixed", LATER);
            case ACCEPTED_RISK -> f -> f.acceptRisk(true, "accepted", LATER);
        };

        if (from.canMoveTo(to)) {
            assertThat(move.apply(finding).status()).isEqualTo(to);
        } else {
            assertThatRuleViolation(() -> move.apply(finding))
                    .containsExactly(generalViolation(ViolationCode.INVALID_STATE));
        }
    }

    @Test
    void theAllowedTransitionsAreTheDocumentedOnes() {
        assertThat(FindingStatus.OPEN.next())
                .isEqualTo(
                        EnumSet.of(FindingStatus.IN_REMEDIATION, FindingStatus.RESOLVED, FindingStatus.ACCEPTED_RISK));
        assertThat(FindingStatus.IN_REMEDIATION.next())
                .isEqualTo(EnumSet.of(FindingStatus.RESOLVED, FindingStatus.ACCEPTED_RISK, FindingStatus.OPEN));
        assertThat(FindingStatus.RESOLVED.next()).isEqualTo(EnumSet.of(FindingStatus.OPEN));
        assertThat(FindingStatus.ACCEPTED_RISK.next()).isEqualTo(EnumSet.of(FindingStatus.OPEN));
    }

    @Test
    void findingSeveritiesCoverEveryRedFlagSeverityAndInfo() {
        for (dev.diligence.domain.scoring.Severity flag : dev.diligence.domain.scoring.Severity.values()) {
            assertThat(Severity.of(flag).name()).isEqualTo(flag.name());
        }
        assertThat(Severity.values())
                .containsExactly(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO);
    }

    @Test
    void refusesAStaleVersion() {
        assertThatRuleViolation(() -> aFinding().open().requireVersion(3))
                .containsExactly(violation("expectedVersion", ViolationCode.STALE_VERSION));
    }
}
