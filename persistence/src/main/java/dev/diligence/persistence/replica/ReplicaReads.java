package dev.diligence.persistence.replica;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.TransactionAttribute;

/**
 * Which transactions may read from the replica: read-only ones labelled {@value #LABEL}, e.g.
 * {@code @Transactional(readOnly = true, label = ReplicaReads.LABEL)} or a
 * {@link org.springframework.transaction.interceptor.DefaultTransactionAttribute} with that label.
 * Any other transaction, and every read-write one whatever its labels, runs on the primary.
 *
 * <p>The label is a permission, not a promise: such a transaction still reads from the primary when
 * no replica is configured or reachable, when the replica has not replayed the writes the caller
 * has seen ({@link ReadYourWrites}), or when it joins a transaction already begun (the label only
 * matters to the transaction that begins). Label only reads that tolerate data as old as the
 * replica's lag and that write nothing.
 *
 * <p>The choice is made while the transaction begins: the transaction manager marks the thread
 * ({@link #beginning}) while it takes the transaction's connection, and {@link ReadOnlyRouting}
 * reads the mark.
 */
public final class ReplicaReads {

    /** The transaction label that lets a read-only transaction read from the replica. */
    public static final String LABEL = "replica-eligible";

    private static final ThreadLocal<Boolean> BEGINNING = new ThreadLocal<>();

    private ReplicaReads() {}

    /** Whether {@code definition} is a read-only transaction labelled {@value #LABEL}. */
    public static boolean eligible(TransactionDefinition definition) {
        return definition.isReadOnly()
                && definition instanceof TransactionAttribute attribute
                && attribute.getLabels().contains(LABEL);
    }

    /** Runs {@code begin}, the begin of an eligible transaction, with the thread marked as such. */
    public static void beginning(Runnable begin) {
        BEGINNING.set(Boolean.TRUE);
        try {
            begin.run();
        } finally {
            BEGINNING.remove();
        }
    }

    /** Whether the current thread is beginning an eligible transaction. */
    static boolean beginningEligible() {
        return BEGINNING.get() != null;
    }
}
