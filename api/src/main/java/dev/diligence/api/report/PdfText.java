package dev.diligence.api.report;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.text.Normalizer;
import org.jspecify.annotations.Nullable;

/**
 * Text as the reports' standard Helvetica can show it. The standard fonts need no font file and are
 * in every PDF reader, but only in the Windows-1252 encoding (Latin-1 and a few more: curly quotes,
 * dashes, the euro sign). A company name or a finding may hold any text: a character outside it is
 * shown by its letter without accents when it has one ("ő" as "o", "Ș" as "S"), else as "?", so the
 * report never fails and never silently drops a character. Control characters (line breaks aside)
 * become spaces; over-long text is cut with an ellipsis.
 */
final class PdfText {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private PdfText() {}

    /** {@code text} in characters Helvetica shows; empty for null. */
    static String safe(@Nullable String text) {
        if (text == null) {
            return "";
        }
        CharsetEncoder encoder = WINDOWS_1252.newEncoder();
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> safe.append(shown(codePoint, encoder)));
        return safe.toString();
    }

    /** {@link #safe} cut to at most {@code max} characters, the last an ellipsis when cut. */
    static String safe(@Nullable String text, int max) {
        String safe = safe(text);
        return safe.length() <= max ? safe : safe.substring(0, max - 1).stripTrailing() + "\u2026";
    }

    private static String shown(int codePoint, CharsetEncoder encoder) {
        if (codePoint == '\n') {
            return "\n";
        }
        if (Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT) {
            return " ";
        }
        String character = new String(Character.toChars(codePoint));
        if (encoder.canEncode(character)) {
            return character;
        }
        String decomposed = Normalizer.normalize(character, Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder();
        decomposed
                .codePoints()
                .filter(part -> Character.getType(part) != Character.NON_SPACING_MARK)
                .mapToObj(part -> new String(Character.toChars(part)))
                .filter(encoder::canEncode)
                .forEach(base::append);
        return base.length() > 0 ? base.toString() : "?";
    }

    /** {@code text} as a file-name part: lower-case ASCII letters, digits and dashes, at most 40; {@code fallback} when none is left. */
    static String slug(@Nullable String text, String fallback) {
        String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (ascii.length() > 40) {
            ascii = ascii.substring(0, 40).replaceAll("-+$", "");
        }
        return ascii.isEmpty() ? fallback : ascii;
    }
}
