package dev.diligence.api.graphql;

import graphql.ErrorType;
import graphql.GraphQLError;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Where introspection is disabled ({@code spring.graphql.schema.introspection.enabled} false, as
 * outside the {@code local} profile and the embedded default), errors classified
 * {@code ValidationError} (the document's validation, the variables' values) name only what the
 * document wrote ({@link DocumentOnlyValidationError}): the schema that introspection hides is not
 * disclosed by answering guesses. Where introspection is enabled the schema is no secret, and
 * graphql-java's full messages stay. Parse errors ({@code InvalidSyntax}) already quote only the
 * document (the offending token and its place) and pass unchanged; other errors are not validation's.
 */
@Component
class ValidationErrorsWithoutSchema implements WebGraphQlInterceptor {

    private final boolean introspectionEnabled;

    ValidationErrorsWithoutSchema(
            @Value("${spring.graphql.schema.introspection.enabled:true}") boolean introspectionEnabled) {
        this.introspectionEnabled = introspectionEnabled;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (introspectionEnabled) {
            return chain.next(request);
        }
        return chain.next(request).map(ValidationErrorsWithoutSchema::withoutSchema);
    }

    private static WebGraphQlResponse withoutSchema(WebGraphQlResponse response) {
        List<GraphQLError> errors = response.getExecutionResult().getErrors();
        if (errors.stream().noneMatch(error -> error.getErrorType() == ErrorType.ValidationError)) {
            return response;
        }
        List<GraphQLError> rewritten =
                errors.stream().map(DocumentOnlyValidationError::of).toList();
        return response.transform(builder -> builder.errors(rewritten));
    }
}
