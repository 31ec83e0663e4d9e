package dev.diligence.api.export;

import org.jspecify.annotations.Nullable;

/**
 * Keeps exported text from being run as a formula when a spreadsheet opens the file (CSV or formula
 * injection): text that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return is written with a leading apostrophe, which spreadsheets show as text and do not evaluate,
 * as OWASP recommends. Only text cells pass through here; numbers are written as numbers.
 */
public final class FormulaGuard {

    private FormulaGuard() {}

    public static @Nullable String neutralise(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text
                : text;
    }
}
