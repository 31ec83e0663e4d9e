package dev.diligence.bench.copy;

import java.util.List;
import java.util.stream.Collectors;

/** Literals of PostgreSQL {@code text[]} values, as the adapters cast them from strings. */
public final class PgArrays {

    private PgArrays() {}

    /** {@code {"a","b"}}: every element quoted, so spaces, commas and braces stay inside it. */
    public static String text(List<String> elements) {
        return elements.stream()
                .map(element -> '"' + element.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}"));
    }
}
