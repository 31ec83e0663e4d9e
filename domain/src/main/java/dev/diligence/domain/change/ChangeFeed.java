package dev.diligence.domain.change;

/**
 * Port to the change feed of the current tenant.
 *
 * <p>Contract: positions are assigned in commit order, so the positions visible at any moment form
 * everything committed up to the highest of them. A reader that passes the last position it read
 * as {@code after} therefore never misses a change and never reads one twice, whatever order the
 * writing transactions started or committed in.
 */
public interface ChangeFeed {

    /** At most {@code limit} changes with a position above {@code after}, by position. */
    ChangePage after(long after, int limit);
}
