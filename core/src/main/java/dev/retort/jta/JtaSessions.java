package dev.retort.jta;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import dev.retort.Engine;
import dev.retort.ReadOnly;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.session.JoinedSession;

/**
 * Binds sessions to JTA transactions, for every container (CDI on Weld or an application server,
 * Quarkus): the first use inside a transaction opens a session, keeps it as a resource of that
 * transaction, flushes it in {@code beforeCompletion} and closes it in {@code afterCompletion}; later
 * uses in the same transaction get the same session; a transaction first used inside
 * {@link ReadOnlyTransactions#call} while the engine has a replica in rotation gets a session that refuses every
 * write: on a replica that has applied the thread's last commit (waiting up to {@code replicas.wait}), else joined
 * to the transaction on the primary. Thread-safe: each transaction sees only its own.
 */
public final class JtaSessions {
    private static final System.Logger LOG = System.getLogger("dev.retort.jta");
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
        if (session != null) {
            return session;
        }
        if (!ReadOnlyTransactions.active() || factory.engine().replicasInRotation().isEmpty()) {
            // Without a replica in rotation (an engine without replicas) the mark changes nothing.
            return openJoined(false);
        }
        // The engine's own fallback to the primary cannot serve here: the primary's pool enlists its connection in
        // the JTA transaction, which then cannot be made read-only. So the choice is made before the first read.
        return factory.engine().replicaCaughtUp(ReadOnly.readYourWrites()) ? openOnReplica() : openJoined(true);
    }

    /**
     * A session joined to the transaction on the primary. {@code readOnly}: the fallback of a transaction marked
     * read-only whose replicas all lag; it reads in the JTA transaction and refuses every write, so it has nothing to
     * flush before completion.
     */
    private Session openJoined(boolean readOnly) {
        JoinedSession joined = factory.openJoined(registry::setRollbackOnly);
        Session session = readOnly ? new ReadOnlyTransactionSession(joined) : joined;
        registry.putResource(resourceKey, session);
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                if (!readOnly && registry.getTransactionStatus() == Status.STATUS_ACTIVE) {
                    joined.beforeCompletion();
                }
            }

            @Override
            public void afterCompletion(int status) {
                joined.completed(status == Status.STATUS_COMMITTED);
                if (!readOnly && status == Status.STATUS_COMMITTED) {
                    recordCommit();
                }
            }
        });
        return session;
    }

    /**
     * After a transaction committed on the primary, with replicas in rotation: tells the engine where the commit is, as
     * the thread's last commit that read-only transactions wait for (read-your-writes). The JTA transaction manager
     * commits the connection, not the session, so the server's current position is read on a new connection (the
     * transaction has completed: the pool does not enlist it), which includes the commit on PostgreSQL and MariaDB.
     */
    private void recordCommit() {
        Engine engine = factory.engine();
        if (engine.replicasInRotation().isEmpty()) {
            return;
        }
        try (Connection primary = engine.connect()) {
            engine.committedElsewhere(primary);
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not read where a JTA transaction's commit is in the primary's log ("
                    + e.getMessage() + "); read-only transactions of this thread may read from a replica that has not applied "
                    + "it yet");
        }
    }

    /**
     * The session of a transaction marked read-only while a replica has applied the thread's last commit: it reads
     * from such a replica in a read-only transaction of its own, refuses every write, and is closed when the JTA
     * transaction completes.
     */
    private Session openOnReplica() {
        Session readOnly = new ReadOnlyTransactionSession(factory.openGuarded(ReadOnly.readYourWrites()));
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
