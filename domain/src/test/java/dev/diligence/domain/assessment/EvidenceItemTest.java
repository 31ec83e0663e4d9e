package dev.diligence.domain.assessment;

import static dev.diligence.domain.shared.ViolationAssertions.assertThatRuleViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.diligence.domain.shared.ViolationCode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EvidenceItemTest {

    private static final Instant NOW = Instant.parse("2026-03-03T10:00:00Z");

    @ParameterizedTest
    @ValueSource(
            strings = {"https://wandb.example.com/runs/1", "http://10.0.0.1:8080/mlflow", "HTTPS://Registry.example.com"
            })
    void acceptsAbsoluteWebLinks(String url) {
        EvidenceItem item = EvidenceItem.of(EvidenceKind.LINK, " " + url + " ", "assessor-ann", NOW);

        assertThat(item.value()).isEqualTo(url);
        assertThat(item.addedBy()).isEqualTo("assessor-ann");
        assertThat(item.addedAt()).isEqualTo(NOW);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://files.example.com/a",
                "/relative/path",
                "javascript:alert(1)",
                "https://",
                "not a url",
                "mailto:a@b.c"
            })
    void refusesLinksThatAreNotAbsoluteWebUrls(String value) {
        assertThatRuleViolation(() -> EvidenceItem.of(EvidenceKind.LINK, value, "assessor-ann", NOW))
                .containsExactly(tuple(List.of("evidence", "value"), ViolationCode.INVALID));
    }

    @Test
    void documentsAndNotesAreFreeText() {
        assertThat(EvidenceItem.of(EvidenceKind.DOCUMENT, "Data room / 4.2 Model cards.pdf", "a", NOW)
                        .value())
                .isEqualTo("Data room / 4.2 Model cards.pdf");
        assertThat(EvidenceItem.of(EvidenceKind.NOTE, "CTO demoed the drift dashboard", "a", NOW)
                        .kind())
                .isEqualTo(EvidenceKind.NOTE);
    }

    @ParameterizedTest
    @EnumSource(EvidenceKind.class)
    void refusesBlankValues(EvidenceKind kind) {
        assertThatRuleViolation(() -> EvidenceItem.of(kind, "  ", "a", NOW))
                .containsExactly(tuple(List.of("evidence", "value"), ViolationCode.REQUIRED));
    }

    @Test
    void refusesOverlongValues() {
        assertThatRuleViolation(() ->
                        EvidenceItem.of(EvidenceKind.NOTE, "n".repeat(EvidenceItem.VALUE_MAX_LENGTH + 1), "a", NOW))
                .containsExactly(tuple(List.of("evidence", "value"), ViolationCode.TOO_LONG));
    }
}
