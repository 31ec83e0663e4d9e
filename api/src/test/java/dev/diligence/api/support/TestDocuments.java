package dev.diligence.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.support.DocumentSource;
import reactor.core.publisher.Mono;

/**
 * The GraphQL documents of the tests, {@code src/test/resources/graphql-test/<name>.graphql}, with the
 * shared fragments they use: a spread {@code ...Name} of a fragment the document does not define
 * itself is taken from {@code graphql-test/fragments/Name.graphql} (and the fragments that one
 * spreads, in turn) and appended once. A selection many documents make (user errors, a set of score
 * statistics) is so written once, and a field added to it is added in one file.
 * {@link ApiIntegrationTest#graphQl} loads {@code documentName(...)} through {@link #SOURCE}; tests
 * that post documents themselves use {@link #load}.
 */
public final class TestDocuments {

    /** For {@code GraphQlTester}'s {@code documentName(...)}. */
    public static final DocumentSource SOURCE = name -> Mono.fromCallable(() -> load(name));

    private static final Pattern SPREAD = Pattern.compile("\\.\\.\\.\\s*([_A-Za-z][_0-9A-Za-z]*)");
    private static final Pattern DEFINITION = Pattern.compile("\\bfragment\\s+([_A-Za-z][_0-9A-Za-z]*)\\s+on\\b");
    private static final Map<String, String> DOCUMENTS = new ConcurrentHashMap<>();

    private TestDocuments() {}

    /** The document {@code name}, with the shared fragments it spreads appended. */
    public static String load(String name) {
        return DOCUMENTS.computeIfAbsent(name, key -> withFragments(read("graphql-test/" + key + ".graphql")));
    }

    static String withFragments(String document) {
        StringBuilder text = new StringBuilder(document);
        Set<String> defined = names(DEFINITION, document);
        Set<String> wanted = spreads(document);
        while (!defined.containsAll(wanted)) {
            for (String fragment : Set.copyOf(wanted)) {
                if (defined.add(fragment)) {
                    String definition = read("graphql-test/fragments/" + fragment + ".graphql");
                    text.append('\n').append(definition);
                    wanted.addAll(spreads(definition));
                }
            }
        }
        return text.toString();
    }

    /** The fragments spread, without inline fragments ({@code ... on Type}). */
    private static Set<String> spreads(String text) {
        Set<String> spreads = names(SPREAD, text);
        spreads.remove("on");
        return spreads;
    }

    private static Set<String> names(Pattern pattern, String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String read(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("no test document " + path, e);
        }
    }
}
