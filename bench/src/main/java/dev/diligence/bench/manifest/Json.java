package dev.diligence.bench.manifest;

import java.util.List;
import java.util.Map;

/**
 * Minimal JSON serialization of maps, lists, strings, numbers and booleans (insertion order kept,
 * strings escaped per RFC 8259), enough for the manifest without a JSON library on the classpath.
 */
final class Json {

    private Json() {}

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value, "");
        return out.append('\n').toString();
    }

    private static void append(StringBuilder out, Object value, String indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            String inner = indent + "  ";
            out.append('{');
            String separator = "\n";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(separator).append(inner);
                string(out, entry.getKey().toString());
                out.append(": ");
                append(out, entry.getValue(), inner);
                separator = ",\n";
            }
            out.append(map.isEmpty() ? "}" : "\n" + indent + "}");
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                append(out, list.get(i), indent);
            }
            out.append(']');
        } else {
            string(out, value.toString());
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
