package dev.retort.jta;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import dev.retort.ReadOnly;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.session.JoinedSession;

/**
 * Binds sessions to JTA transactions, for every container (CDI on Weld or an application server,
 * Quarkus): the first use inside a transaction opens a session, keeps it as a resource of that
 * transaction, flushes it in {@code beforeCompletion} and closes it in {@code afterCompletion}; later
 * uses in the same transaction get the same session; a transaction first used inside
 * {@link ReadOnlyTransactions#call} while the engine has a replica in rotation gets a read-only session on a
 * replica instead. Thread-safe: each transaction sees only its own.
 */
public final class JtaSessions {
    private final SessionFactory factory;
    private final TransactionSynchronizationRegistry registry;
    /** The key of this factory's session among the transaction's resources. */
    private final Object resourceKey = new Object();

    public JtaSessions(SessionFactory factory, TransactionSynchronizationRegistry registry) {
        this.factory = factory;
        this.registry = registry;
    }

    /** Whether a JTA transaction is active (or marked for rollback) on the calling thread. */
    public boolean inTransaction() {
        int status = registry.getTransactionStatus();
        return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
    }

    /** The session of the current JTA transaction, opened and registered on first use. */
    public Session current() {
        if (!inTransaction()) {
            throw new dev.retort.TransactionRequiredException("No JTA transaction is active on this thread. To fix this, "
                    + "annotate the calling method with @jakarta.transaction.Transactional, or begin a UserTransaction.");
        }
        Session session = (Session) registry.getResource(resourceKey);
        // Without a replica in rotation the read would fall back to the primary's pool, whose connections the JTA
        // transaction enlists and which then cannot be made read-only: such a transaction runs as any other.
        if (session == null && ReadOnlyTransactions.active() && !factory.engine().replicasInRotation().isEmpty()) {
            session = openReadOnlyForTransaction();
        } else if (session == null) {
            JoinedSession joined = factory.openJoined(registry::setRollbackOnly);
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

    /**
     * The session of a transaction marked read-only: it reads from one of the engine's replicas that has applied
     * the thread's last commit, refuses every write, and is closed when the transaction completes. (When none
     * catches up within {@code replicas.wait} the read falls back to the primary, whose enlisted connection refuses
     * to become read-only: a known limit, in the README.)
     */
    private Session openReadOnlyForTransaction() {
        Session readOnly = factory.open(ReadOnly.readYourWrites());
        registry.putResource(resourceKey, readOnly);
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing to flush: the session refuses writes.
            }

            @Override
            public void afterCompletion(int status) {
                readOnly.close();
            }
        });
        return readOnly;
    }

    /** A new session for reading outside transactions; the caller closes it. */
    public Session openReadOnly() {
        return factory.openReadOnly();
    }
}
