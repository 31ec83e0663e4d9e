package dev.diligence.api.person;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Remembers the caller of every GraphQL request as a person of their firm, before the request
 * executes. Runs on the request's thread, where the caller's security context is set.
 */
@Component
class RememberCallerInterceptor implements WebGraphQlInterceptor {

    private final PeopleService people;

    RememberCallerInterceptor(PeopleService people) {
        this.people = people;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        people.rememberCurrentCaller();
        return chain.next(request);
    }
}
