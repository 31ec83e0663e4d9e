package dev.diligence.api.limits;

import graphql.ErrorClassification;

/**
 * The {@code extensions.classification} of a request refused by a limit. Each names the one limit
 * that refused it, so that a client can tell "make the query smaller" from "slow down".
 */
public enum LimitClassification implements ErrorClassification {
    MAX_TOKENS_EXCEEDED,
    MAX_DEPTH_EXCEEDED,
    MAX_ALIASES_EXCEEDED,
    MAX_DIRECTIVES_EXCEEDED,
    MAX_ROOT_FIELDS_EXCEEDED,
    MAX_FIELD_REPEATS_EXCEEDED,
    MAX_COST_EXCEEDED,
    MAX_BODY_SIZE_EXCEEDED,
    THROTTLED,
    TIMEOUT
}
