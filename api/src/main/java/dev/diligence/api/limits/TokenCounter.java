package dev.diligence.api.limits;

/**
 * Counts the lexical tokens of a GraphQL document as the GraphQL grammar defines them: punctuators
 * ({@code ...} is one), names, numbers and strings; white space, commas and comments are ignored.
 * For valid documents this is the count graphql-java's parser limits with {@code maxTokens}; it runs
 * in one pass without building anything, so an oversized document is refused for the price of
 * reading it once.
 */
final class TokenCounter {

    private TokenCounter() {}

    static int count(String document) {
        int tokens = 0;
        int i = 0;
        int length = document.length();
        while (i < length) {
            char c = document.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '\uFEFF') {
                i++;
            } else if (c == '#') {
                i = endOfLine(document, i);
            } else {
                tokens++;
                i = endOfToken(document, i, c);
            }
        }
        return tokens;
    }

    private static int endOfToken(String document, int start, char first) {
        if (first == '"') {
            return document.startsWith("\"\"\"", start)
                    ? endOfBlockString(document, start + 3)
                    : endOfString(document, start + 1);
        }
        if (document.startsWith("...", start)) {
            return start + 3;
        }
        int i = start + 1;
        if (isNameStart(first)) {
            while (i < document.length() && (isNameStart(document.charAt(i)) || isDigit(document.charAt(i)))) {
                i++;
            }
        } else if (first == '-' || isDigit(first)) {
            while (i < document.length() && isNumberPart(document.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    private static int endOfString(String document, int i) {
        while (i < document.length()) {
            char c = document.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else if (c == '\n' || c == '\r') {
                return i;
            } else {
                i++;
            }
        }
        return document.length();
    }

    private static int endOfBlockString(String document, int i) {
        while (i < document.length()) {
            if (document.startsWith("\\\"\"\"", i)) {
                i += 4;
            } else if (document.startsWith("\"\"\"", i)) {
                return i + 3;
            } else {
                i++;
            }
        }
        return document.length();
    }

    private static int endOfLine(String document, int i) {
        while (i < document.length() && document.charAt(i) != '\n' && document.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNumberPart(char c) {
        return isDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
    }
}
