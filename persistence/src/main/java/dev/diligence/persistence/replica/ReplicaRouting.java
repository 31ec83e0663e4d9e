package dev.diligence.persistence.replica;

import javax.sql.DataSource;

/**
 * The routing of reads to the replica, as the transaction manager uses it: the data source it
 * begins transactions on ({@link PrimaryWithReplicaReads}). A bean only when a replica is configured.
 */
public final class ReplicaRouting {

    private final PrimaryWithReplicaReads transactionDataSource;

    ReplicaRouting(PrimaryWithReplicaReads transactionDataSource) {
        this.transactionDataSource = transactionDataSource;
    }

    public DataSource transactionDataSource() {
        return transactionDataSource;
    }
}
