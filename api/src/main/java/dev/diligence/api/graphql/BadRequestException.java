package dev.diligence.api.graphql;

/** A request that cannot be served as asked (bad paging arguments, say); reported as BAD_REQUEST. */
public final class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
