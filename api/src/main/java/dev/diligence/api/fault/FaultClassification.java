package dev.diligence.api.fault;

import graphql.ErrorClassification;

/**
 * The {@code extensions.classification} of a failure that is not the request's fault and may pass:
 * the database could not be reached, or the server is too busy for this kind of work right now.
 * The same request, sent again unchanged after {@code extensions.retryAfterSeconds}, may succeed.
 */
public enum FaultClassification implements ErrorClassification {
    UNAVAILABLE
}
