package dev.diligence.domain.scoring;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A red-flag rule that fired; each raises a system finding citing the rule.
 *
 * @param rule      the rule's id, e.g. "RF3"
 * @param criterion the criterion the flag is about, for rules that fire once per criterion (RF7)
 * @param dealLevel a red flag on the whole deal, not only on the scores (RF1)
 */
public record RedFlag(
        String rule,
        Severity severity,
        @Nullable String criterion,
        String explanation,
        List<RedFlagEffect> effects,
        boolean dealLevel) {

    public RedFlag {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        effects = List.copyOf(effects);
    }

    /** A flag about the whole assessment, with its effects on the scores. */
    public static RedFlag of(String rule, Severity severity, String explanation, RedFlagEffect... effects) {
        return new RedFlag(rule, severity, null, explanation, List.of(effects), false);
    }
}
