package dev.retort.shard;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import dev.retort.TransactionRequiredException;

/**
 * Binds sharded sessions to JTA transactions, as {@code dev.retort.jta.JtaSessions} does sessions: the first use
 * inside a transaction opens a {@link JoinedShardedSession} and keeps it as a resource of that transaction,
 * flushes every shard in {@code beforeCompletion} and ends it in {@code afterCompletion}; later uses in the same
 * transaction get the same session. Its unit of work may write to several shards: with XA pools the
 * transaction manager commits the shards together, in two phases. Thread-safe: each transaction sees only its own.
 */
public final class JtaShardedSessions {
    private final ShardedSessionFactory factory;
    private final TransactionSynchronizationRegistry registry;
    /** The key of this factory's session among the transaction's resources. */
    private final Object resourceKey = new Object();

    public JtaShardedSessions(ShardedSessionFactory factory, TransactionSynchronizationRegistry registry) {
        this.factory = factory;
        this.registry = registry;
    }

    /** Whether a JTA transaction is active (or marked for rollback) on the calling thread. */
    public boolean inTransaction() {
        int status = registry.getTransactionStatus();
        return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
    }

    /** The sharded session of the current JTA transaction, opened and registered on first use. */
    public ShardedSession current() {
        if (!inTransaction()) {
            throw new TransactionRequiredException("No JTA transaction is active on this thread, and a sharded session "
                    + "of JtaShardedSessions lives as long as one. To fix this, annotate the calling method with "
                    + "@jakarta.transaction.Transactional, begin a UserTransaction, or use shardedSessionFactory.open() "
                    + "outside JTA.");
        }
        JoinedShardedSession session = (JoinedShardedSession) registry.getResource(resourceKey);
        if (session == null) {
            JoinedShardedSession joined = factory.openJoined(registry::setRollbackOnly);
            registry.putResource(resourceKey, joined);
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (registry.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        joined.beforeCompletion();
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    joined.completed(status == Status.STATUS_COMMITTED);
                }
            });
            session = joined;
        }
        return session;
    }
}
