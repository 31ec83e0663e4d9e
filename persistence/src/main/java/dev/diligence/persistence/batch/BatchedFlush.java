package dev.diligence.persistence.batch;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

/**
 * Flushes a persistence context with JDBC batching: the inserts and updates pending for many rows
 * of one table go to the database in a few round trips instead of one statement each. Batching is
 * switched on for this one flush only and restored afterwards, so single-object writes elsewhere
 * keep their unbatched statements (and their precise constraint errors).
 */
public final class BatchedFlush {

    /** Rows per JDBC batch: large enough that a sync of 500 items needs a handful of round trips. */
    static final int BATCH_SIZE = 100;

    private BatchedFlush() {}

    public static void flush(EntityManager em) {
        Session session = em.unwrap(Session.class);
        Integer previous = session.getJdbcBatchSize();
        session.setJdbcBatchSize(BATCH_SIZE);
        try {
            session.flush();
        } finally {
            session.setJdbcBatchSize(previous);
        }
    }
}
