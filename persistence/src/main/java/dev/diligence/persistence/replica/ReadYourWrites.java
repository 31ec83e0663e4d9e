package dev.diligence.persistence.replica;

/**
 * The read-your-writes rule of replica reads, as the current thread's caller needs it (the API
 * implements it per HTTP request): a replica may serve a read only once it has replayed every write
 * the caller has seen committed. A caller learns the position of its writes from the transaction
 * manager ({@link #committed}) after each read-write transaction commits.
 */
public interface ReadYourWrites {

    /** Whether the current thread's reads may come from a replica that has replayed up to {@code replayed}. */
    boolean replicaMayServe(WalPosition replayed);

    /** Whether the current thread wants {@link #committed} called after its read-write transactions commit. */
    boolean wantsCommitPositions();

    /**
     * A read-write transaction of the current thread committed; {@code position} is the primary's
     * WAL position after the commit, so a replica that has replayed it has the transaction's writes.
     */
    void committed(WalPosition position);

    /** No rule: any replica may serve, no commit position is wanted (reads outside any request). */
    ReadYourWrites NONE = new ReadYourWrites() {
        @Override
        public boolean replicaMayServe(WalPosition replayed) {
            return true;
        }

        @Override
        public boolean wantsCommitPositions() {
            return false;
        }

        @Override
        public void committed(WalPosition position) {
            throw new IllegalStateException("no commit position was wanted");
        }
    };
}
