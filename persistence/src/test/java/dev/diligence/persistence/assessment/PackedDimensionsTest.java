package dev.diligence.persistence.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diligence.domain.scoring.DimensionResult;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The packed text of stored dimension results reads back value for value, scale included, absent values as null. */
class PackedDimensionsTest {

    @Test
    void readsEachResultInOrderWithItsScaleAndItsAbsentValues() {
        String packed = String.join(
                "\u001e",
                String.join(
                        "\u001f",
                        "D1",
                        "0.2500000000",
                        "t",
                        "2.5000000000",
                        "3.0000000000",
                        "C1.4",
                        "0.7500000000",
                        "f",
                        "0.8000000000"),
                String.join("\u001f", "D2", "0.2500000000", "f", "", "", "", "", "t", ""));

        assertThat(AssessmentSummaryColumns.dimensions(packed))
                .containsExactly(
                        new DimensionResult(
                                "D1",
                                new BigDecimal("0.2500000000"),
                                true,
                                new BigDecimal("2.5000000000"),
                                new BigDecimal("3.0000000000"),
                                "C1.4",
                                new BigDecimal("0.7500000000"),
                                false,
                                new BigDecimal("0.8000000000")),
                        new DimensionResult(
                                "D2", new BigDecimal("0.2500000000"), false, null, null, null, null, true, null));
        assertThat(AssessmentSummaryColumns.dimensions(packed).get(0).score().scale())
                .isEqualTo(10);
        assertThat(AssessmentSummaryColumns.dimensions(null)).isEmpty();
    }

    @Test
    void aResultThatDoesNotReadAsNineFieldsFailsLoudly() {
        assertThatThrownBy(() -> AssessmentSummaryColumns.dimensions(String.join("\u001f", "D1", "0.25", "t")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("3 fields");
        assertThatThrownBy(() -> AssessmentSummaryColumns.dimensions(
                        String.join("\u001f", "D1", "0.25", "yes", "", "", "", "", "t", "")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a boolean");
    }
}
