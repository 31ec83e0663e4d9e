package dev.diligence.api.graphql;

import dev.diligence.api.fault.FaultClassification;
import dev.diligence.api.limits.LimitClassification;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps every {@code extensions.classification} of a GraphQL response within the documented set
 * (README, "Error classifications"), so that a client can branch on a closed list. {@link #KEPT}
 * pass as they are: this API's own (the limits', UNAVAILABLE, Spring's BAD_REQUEST, UNAUTHORIZED,
 * FORBIDDEN and INTERNAL_ERROR) and graphql-java's request errors {@code InvalidSyntax} and
 * {@code ValidationError}, which clients and tools already know (kept, not renamed: the least
 * breaking). graphql-java's other classifications are answered as {@link #MAPPED} says: request
 * errors as BAD_REQUEST, server defects as INTERNAL_ERROR; any other classification, which no code
 * of this API makes, as INTERNAL_ERROR. Message, locations, path and other extensions stay.
 * Refusals at the HTTP level have their own closed mapping ({@code Refusal.classificationOf}).
 */
@Component
class ClosedClassifications implements WebGraphQlInterceptor {

    /** The classifications answered as they are. */
    static final Set<String> KEPT = Stream.of(
                    Arrays.stream(LimitClassification.values()).map(Enum::name),
                    Arrays.stream(FaultClassification.values()).map(Enum::name),
                    Stream.of(
                                    ErrorType.BAD_REQUEST,
                                    ErrorType.UNAUTHORIZED,
                                    ErrorType.FORBIDDEN,
                                    ErrorType.INTERNAL_ERROR)
                            .map(Enum::name),
                    Stream.of(graphql.ErrorType.InvalidSyntax, graphql.ErrorType.ValidationError)
                            .map(Enum::name))
            .flatMap(names -> names)
            .collect(Collectors.toUnmodifiableSet());

    /** graphql-java's other classifications, by name, and what they are answered as. */
    static final Map<String, ErrorType> MAPPED = Map.of(
            // an operation type the schema does not have (a subscription)
            graphql.ErrorType.OperationNotSupported.name(),
            ErrorType.BAD_REQUEST,
            // __schema or __type where introspection is off (outside local development)
            "IntrospectionDisabled",
            ErrorType.BAD_REQUEST,
            // an introspection query graphql-java deems abusive (only where introspection is on)
            "BadFaithIntrospection",
            ErrorType.BAD_REQUEST,
            // a request graphql-java stopped; the limits' own aborts carry their limit's classification
            graphql.ErrorType.ExecutionAborted.name(),
            ErrorType.BAD_REQUEST,
            // a resolver's failure Spring's resolvers did not classify, a value that could not be serialized
            graphql.ErrorType.DataFetchingException.name(),
            ErrorType.INTERNAL_ERROR,
            // a resolver returned null for a non-null field
            graphql.ErrorType.NullValueInNonNullableField.name(),
            ErrorType.INTERNAL_ERROR);

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(ClosedClassifications::closed);
    }

    private static WebGraphQlResponse closed(WebGraphQlResponse response) {
        List<GraphQLError> errors = response.getExecutionResult().getErrors();
        if (errors.stream().allMatch(error -> KEPT.contains(nameOf(error)))) {
            return response;
        }
        List<GraphQLError> closed =
                errors.stream().map(ClosedClassifications::closed).toList();
        return response.transform(builder -> builder.errors(closed));
    }

    static GraphQLError closed(GraphQLError error) {
        String name = nameOf(error);
        if (KEPT.contains(name)) {
            return error;
        }
        return GraphqlErrorBuilder.newError()
                .message("%s", error.getMessage())
                .locations(error.getLocations())
                .path(error.getPath())
                .extensions(error.getExtensions())
                .errorType(MAPPED.getOrDefault(name, ErrorType.INTERNAL_ERROR))
                .build();
    }

    /** The classification as a response shows it; graphql-java's default when an error has none. */
    private static String nameOf(GraphQLError error) {
        ErrorClassification type = error.getErrorType();
        return type == null
                ? graphql.ErrorType.DataFetchingException.name()
                : String.valueOf(type.toSpecification(error));
    }
}
