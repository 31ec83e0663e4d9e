package dev.diligence.api.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Parses and validates each distinct document once: graphql-java's {@link PreparsedDocumentProvider},
 * keyed by the document's text. A document is kept only when it parsed, passed every limit checked
 * before validation ({@link LimitsInstrumentation}: tokens before parsing; depth, aliases, root fields,
 * field repeats and directives before validation) and validated without an error: those checks run
 * inside the parse and validation this provider is handed, and read nothing but the document and
 * the limits, which do not change while the server runs, so the same text would pass them again. A
 * refused document aborts the request from inside them and is not kept, nor is one with syntax or
 * validation errors: they are refused each time they are sent. What graphql-java checks at execution
 * (the operation name, the variables, introspection where it is off) and every limit from the cost
 * on ({@link CachedDocument}: its cost plan is kept with the document) still apply to every request.
 * <p>
 * Bounded by the estimated memory of what it keeps ({@code diligence.graphql.document-cache-size}): a
 * document weighs its text plus {@value #BYTES_PER_TOKEN} bytes per token (graphql-java's syntax tree
 * measured 60 to 100 bytes per token), plus its cost plans; the least used go first. {@code 0} keeps
 * nothing: every request is parsed and validated.
 */
@Component
public class DocumentCache implements PreparsedDocumentProvider {

    static final int BYTES_PER_TOKEN = 100;

    private final Cache<String, CachedDocument> documents;

    DocumentCache(@Value("${diligence.graphql.document-cache-size:16MB}") DataSize size) {
        if (size.isNegative()) {
            throw new IllegalArgumentException(
                    "diligence.graphql.document-cache-size must not be negative, not " + size);
        }
        this.documents = size.toBytes() == 0
                ? null
                : Caffeine.newBuilder()
                        .maximumWeight(size.toBytes())
                        .weigher((String text, CachedDocument document) -> document.weight())
                        // eviction on the thread that adds: a request that misses pays for it, no other thread is
                        // involved
                        .executor(Runnable::run)
                        .build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        if (documents == null) {
            return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        }
        String text = input.getQuery();
        CachedDocument cached = documents.getIfPresent(text);
        if (cached == null) {
            // runs the limits checked before validation: a refusal throws from here, and nothing is kept
            PreparsedDocumentEntry entry = parseAndValidate.apply(input);
            if (entry.hasErrors()) {
                return CompletableFuture.completedFuture(entry);
            }
            CachedDocument parsed = new CachedDocument(text, entry, weightOf(text), this::weighAgain);
            CachedDocument known = documents.asMap().putIfAbsent(text, parsed);
            cached = known != null ? known : parsed;
        }
        input.getGraphQLContext().put(CachedDocument.class, cached);
        return CompletableFuture.completedFuture(cached.entry());
    }

    /** How many documents are kept, once pending evictions are done. */
    long size() {
        if (documents == null) {
            return 0;
        }
        documents.cleanUp();
        return documents.estimatedSize();
    }

    /** The estimated memory of what is kept, in bytes, once pending evictions are done. */
    long weight() {
        if (documents == null) {
            return 0;
        }
        documents.cleanUp();
        return documents.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    boolean holds(String text) {
        return cached(text) != null;
    }

    CachedDocument cached(String text) {
        return documents == null ? null : documents.getIfPresent(text);
    }

    private static int weightOf(String text) {
        return (int) Math.min(Integer.MAX_VALUE, text.length() + (long) BYTES_PER_TOKEN * TokenCounter.count(text));
    }

    /** A document's plans grew: the cache weighs it again (if it still holds it), evicting others when over its size. */
    private void weighAgain(CachedDocument document) {
        documents.asMap().replace(document.text(), document, document);
    }
}
