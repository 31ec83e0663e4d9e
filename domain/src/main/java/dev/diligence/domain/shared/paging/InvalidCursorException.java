package dev.diligence.domain.shared.paging;

/** A client sent a cursor that this list did not issue, or one made for another ordering. */
public final class InvalidCursorException extends RuntimeException {

    public InvalidCursorException(String message) {
        super(message);
    }
}
