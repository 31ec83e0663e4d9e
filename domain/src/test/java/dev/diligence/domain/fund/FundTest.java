package dev.diligence.domain.fund;

import static dev.diligence.domain.fund.FundProfiles.CURRENT_YEAR;
import static dev.diligence.domain.fund.FundProfiles.aProfile;
import static dev.diligence.domain.fund.FundProfiles.noChanges;
import static dev.diligence.domain.shared.ViolationAssertions.assertThatRuleViolation;
import static dev.diligence.domain.shared.ViolationAssertions.generalViolation;
import static dev.diligence.domain.shared.ViolationAssertions.violation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.domain.shared.ViolationCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FundTest {

    private static final Instant CREATED = Instant.parse("2026-02-01T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-02-03T17:30:00Z");
    private static final long VERSION = 3;

    /** A stored, active fund with a valid profile at {@link #VERSION}. */
    private static Fund aStoredFund() {
        return new Fund(FundId.random(), aProfile().build(), FundStatus.ACTIVE, VERSION, CREATED, CREATED);
    }

    private static Fund anArchivedFund() {
        return aStoredFund().archive(VERSION, CREATED);
    }

    @Test
    void opensAnActiveFundAtVersionZero() {
        Fund fund = Fund.open(aProfile().build(), CURRENT_YEAR, CREATED);

        assertThat(fund.id()).isNotNull();
        assertThat(fund.profile()).isEqualTo(aProfile().build());
        assertThat(fund.status()).isEqualTo(FundStatus.ACTIVE);
        assertThat(fund.version()).isZero();
        assertThat(fund.createdAt()).isEqualTo(CREATED);
        assertThat(fund.updatedAt()).isEqualTo(CREATED);
    }

    @Test
    void opensWithANormalizedProfile() {
        Fund fund = Fund.open(
                aProfile()
                        .withName("  Alpha Growth Fund I ")
                        .withCurrency(" usd")
                        .build(),
                CURRENT_YEAR,
                CREATED);

        assertThat(fund.profile().name()).isEqualTo("Alpha Growth Fund I");
        assertThat(fund.profile().currency()).isEqualTo("USD");
    }

    @Test
    void refusesToOpenAnInvalidFund() {
        FundProfile invalid = aProfile()
                .withName("  ")
                .withCurrency("XYZ")
                .withVintageYear(CURRENT_YEAR.getValue() + 6)
                .build();

        assertThatRuleViolation(() -> Fund.open(invalid, CURRENT_YEAR, CREATED))
                .containsExactlyInAnyOrder(
                        violation("name", ViolationCode.REQUIRED),
                        violation("vintageYear", ViolationCode.OUT_OF_RANGE),
                        violation("currency", ViolationCode.INVALID));
    }

    @Test
    void revisionAppliesOnlyTheGivenChanges() {
        Fund fund = aStoredFund();

        Fund revised = fund.revise(
                noChanges()
                        .withName("Alpha Growth Fund II")
                        .withTargetSize("300000000")
                        .build(),
                VERSION,
                CURRENT_YEAR,
                LATER);

        assertThat(revised.profile())
                .isEqualTo(aProfile()
                        .withName("Alpha Growth Fund II")
                        .withTargetSize("300000000")
                        .build());
    }

    @Test
    void revisionKeepsIdentityStatusVersionAndCreationTime() {
        Fund fund = aStoredFund();

        Fund revised = fund.revise(noChanges().withStrategy(FundStrategy.BUYOUT).build(), VERSION, CURRENT_YEAR, LATER);

        assertThat(revised.id()).isEqualTo(fund.id());
        assertThat(revised.status()).isEqualTo(FundStatus.ACTIVE);
        assertThat(revised.version()).as("the store increments the version").isEqualTo(VERSION);
        assertThat(revised.createdAt()).isEqualTo(CREATED);
        assertThat(revised.updatedAt()).isEqualTo(LATER);
        assertThat(revised.profile().strategy()).isEqualTo(FundStrategy.BUYOUT);
    }

    @Test
    void revisionWithoutChangesKeepsTheProfile() {
        Fund fund = aStoredFund();

        assertThat(fund.revise(noChanges().build(), VERSION, CURRENT_YEAR, LATER)
                        .profile())
                .isEqualTo(fund.profile());
    }

    @Test
    void revisionNormalizesTheChanges() {
        Fund revised = aStoredFund()
                .revise(
                        noChanges()
                                .withName(" Renamed Fund ")
                                .withCurrency("eur")
                                .build(),
                        VERSION,
                        CURRENT_YEAR,
                        LATER);

        assertThat(revised.profile().name()).isEqualTo("Renamed Fund");
        assertThat(revised.profile().currency()).isEqualTo("EUR");
    }

    @Test
    void revisionRevalidatesTheResult() {
        Fund fund = aStoredFund();
        FundProfile changes = noChanges()
                .withName("n".repeat(201))
                .withVintageYear(1949)
                .withTargetSize("0.001")
                .build();

        assertThatRuleViolation(() -> fund.revise(changes, VERSION, CURRENT_YEAR, LATER))
                .containsExactlyInAnyOrder(
                        violation("name", ViolationCode.TOO_LONG),
                        violation("vintageYear", ViolationCode.OUT_OF_RANGE),
                        violation("targetSize", ViolationCode.INVALID));
    }

    @Test
    void revisionRejectsAStaleVersion() {
        Fund fund = aStoredFund();

        assertThatRuleViolation(
                        () -> fund.revise(noChanges().withName("Renamed").build(), VERSION - 1, CURRENT_YEAR, LATER))
                .containsExactly(violation("expectedVersion", ViolationCode.STALE_VERSION));
    }

    @Test
    void revisionRejectsAnArchivedFund() {
        Fund archived = anArchivedFund();

        assertThatRuleViolation(
                        () -> archived.revise(noChanges().withName("Renamed").build(), VERSION, CURRENT_YEAR, LATER))
                .containsExactly(generalViolation(ViolationCode.INVALID_STATE));
    }

    @Test
    void archivesAtTheExpectedVersion() {
        Fund fund = aStoredFund();

        Fund archived = fund.archive(VERSION, LATER);

        assertThat(archived.status()).isEqualTo(FundStatus.ARCHIVED);
        assertThat(archived.updatedAt()).isEqualTo(LATER);
        assertThat(archived)
                .usingRecursiveComparison()
                .ignoringFields("status", "updatedAt")
                .isEqualTo(fund);
    }

    @Test
    void archivesAnyVersionWhenNoVersionIsExpected() {
        Fund archived = aStoredFund().archive(null, LATER);

        assertThat(archived.status()).isEqualTo(FundStatus.ARCHIVED);
        assertThat(archived.version()).isEqualTo(VERSION);
    }

    @Test
    void archivingRejectsAStaleVersion() {
        Fund fund = aStoredFund();

        assertThatRuleViolation(() -> fund.archive(VERSION + 1, LATER))
                .containsExactly(violation("expectedVersion", ViolationCode.STALE_VERSION));
    }

    @Test
    void refusesToArchiveTwice() {
        Fund archived = anArchivedFund();

        assertThatRuleViolation(() -> archived.archive(null, LATER))
                .containsExactly(generalViolation(ViolationCode.INVALID_STATE));
    }
}
