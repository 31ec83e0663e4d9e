package dev.diligence.domain.holding;

import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a fund records about a company it holds. Values may be invalid while a command is checked.
 *
 * @param ownershipPercentage share of the company the fund owns, 0 to 100, at most 4 decimal places
 * @param exitDate            set only on exited holdings, never before {@code entryDate}
 * @param dealLead            token subject of the person leading the deal
 */
public record HoldingTerms(
        @Nullable DealStage dealStage,
        @Nullable BigDecimal ownershipPercentage,
        @Nullable LocalDate entryDate,
        @Nullable LocalDate exitDate,
        @Nullable String dealLead) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    public static final int PERCENTAGE_SCALE = 4;

    /** These terms with the non-null attributes of {@code changes} applied. */
    public HoldingTerms with(HoldingTerms changes) {
        return new HoldingTerms(
                changes.dealStage != null ? changes.dealStage : dealStage,
                changes.ownershipPercentage != null ? changes.ownershipPercentage : ownershipPercentage,
                changes.entryDate != null ? changes.entryDate : entryDate,
                changes.exitDate != null ? changes.exitDate : exitDate,
                changes.dealLead != null ? changes.dealLead : dealLead);
    }

    /** Every rule these terms break; empty when they are valid. */
    public List<Violation> violations() {
        List<Violation> out = new ArrayList<>();
        if (dealStage == null) {
            out.add(Violation.of("dealStage", ViolationCode.REQUIRED, "dealStage is required"));
        }
        if (ownershipPercentage != null) {
            if (ownershipPercentage.signum() < 0 || ownershipPercentage.compareTo(HUNDRED) > 0) {
                out.add(Violation.of(
                        "ownershipPercentage",
                        ViolationCode.OUT_OF_RANGE,
                        "ownershipPercentage must be between 0 and 100"));
            } else if (ownershipPercentage.stripTrailingZeros().scale() > PERCENTAGE_SCALE) {
                out.add(Violation.of(
                        "ownershipPercentage",
                        ViolationCode.INVALID,
                        "ownershipPercentage must have at most " + PERCENTAGE_SCALE + " decimal places"));
            }
        }
        if (exitDate != null && dealStage != null && dealStage != DealStage.EXITED) {
            out.add(Violation.of("exitDate", ViolationCode.INVALID, "only an exited holding has an exitDate"));
        }
        if (exitDate != null && entryDate != null && exitDate.isBefore(entryDate)) {
            out.add(Violation.of("exitDate", ViolationCode.OUT_OF_RANGE, "exitDate must not be before entryDate"));
        }
        if (dealLead != null && dealLead.isBlank()) {
            out.add(Violation.of(
                    "dealLeadSubject", ViolationCode.INVALID, "dealLeadSubject must be a person's subject"));
        }
        return out;
    }
}
