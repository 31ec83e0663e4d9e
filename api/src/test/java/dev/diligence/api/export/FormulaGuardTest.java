package dev.diligence.api.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text a spreadsheet would evaluate gets a leading apostrophe; any other text is written as it is. */
class FormulaGuardTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"=1+1", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"})
    void textThatASpreadsheetWouldEvaluateIsNeutralised(String text) {
        assertThat(FormulaGuard.neutralise(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Acme", "a=b", "1-2", " =x", "'quoted", "€ 5", "x\ty"})
    void otherTextIsUnchanged(String text) {
        assertThat(FormulaGuard.neutralise(text)).isEqualTo(text);
    }

    @org.junit.jupiter.api.Test
    void nothingStaysNothing() {
        assertThat(FormulaGuard.neutralise(null)).isNull();
        assertThat(FormulaGuard.neutralise("")).isEmpty();
    }
}
