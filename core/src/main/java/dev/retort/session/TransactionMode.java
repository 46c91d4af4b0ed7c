package dev.retort.session;

import java.sql.Connection;

import dev.retort.Engine;
import dev.retort.InvalidRequestException;
import dev.retort.ReadOnly;
import dev.retort.TransactionRequiredException;

/**
 * Who runs a session's transactions. {@link #local()}: the session itself, with JDBC commit and rollback
 * (plain Java SE). {@link #joined(Runnable)}: a container's JTA transaction, which the session's
 * connections are enlisted in by the pool; the session flushes before completion and never commits. 
 * {@link #readOnly()}: no transaction at all; the session reads and refuses every write.
 * {@link #replicaReads(ReadOnly)}: its own read-only transactions on a replica (the engine chooses), refusing
 * every write. Immutable.
 */
public final class TransactionMode {
    private enum Kind { LOCAL, JOINED, READ_ONLY, REPLICA_READS }

    private static final TransactionMode LOCAL = new TransactionMode(Kind.LOCAL, null, null);
    private static final TransactionMode READ_ONLY = new TransactionMode(Kind.READ_ONLY, null, null);

    private final Kind kind;
    private final Runnable rollbackOnly;
    private final ReadOnly reads;

    private TransactionMode(Kind kind, Runnable rollbackOnly, ReadOnly reads) {
        this.kind = kind;
        this.rollbackOnly = rollbackOnly;
        this.reads = reads;
    }

    public static TransactionMode local() {
        return LOCAL;
    }

    /** Joined to the container's transaction; {@code rollbackOnly} marks it so after a failed flush. */
    public static TransactionMode joined(Runnable rollbackOnly) {
        return new TransactionMode(Kind.JOINED, rollbackOnly, null);
    }

    /** Read-only transactions of the session's own on a connection the engine gives for {@code reads}. */
    public static TransactionMode replicaReads(ReadOnly reads) {
        return new TransactionMode(Kind.REPLICA_READS, null, java.util.Objects.requireNonNull(reads, "reads"));
    }

    public static TransactionMode readOnly() {
        return READ_ONLY;
    }

    boolean ownsTransaction() {
        return kind == Kind.LOCAL || kind == Kind.REPLICA_READS;
    }

    /** A connection for a new transaction: for reading (a replica, or the primary) in replica-read mode, else the primary's. */
    Connection connect(Engine engine) {
        return kind == Kind.REPLICA_READS ? engine.connectForReading(reads) : engine.connect();
    }

    /** After the session committed on {@code connection}: a commit on the primary tells the engine, for read-your-writes. */
    void committed(Engine engine, Connection connection) {
        if (kind == Kind.LOCAL) {
            engine.committed(connection);
        }
    }

    void markRollbackOnly() {
        if (rollbackOnly != null) {
            rollbackOnly.run();
        }
    }

    String beginEvent(boolean explicit) {
        switch (kind) {
            case JOINED: return "JOIN (JTA transaction)";
            case READ_ONLY: return "CONNECT (read-only, no transaction)";
            case REPLICA_READS: return explicit ? "BEGIN (read-only)" : "BEGIN (implicit, read-only)";
            default: return explicit ? "BEGIN" : "BEGIN (implicit)";
        }
    }

    /** Refuses a write ("add User", "flush changes") in read-only mode. */
    void requireWritable(String action) {
        if (kind == Kind.READ_ONLY) {
            throw new TransactionRequiredException("Cannot " + action + ": no transaction is active, so "
                    + "this injected session only reads. To fix this, annotate the calling method (or its class) with "
                    + "@jakarta.transaction.Transactional.");
        }
        if (kind == Kind.REPLICA_READS) {
            throw new InvalidRequestException("Cannot " + action + ": this session was opened read-only (" + reads
                    + ") and reads from a replica, which takes no writes. To fix this, write in a session from "
                    + "sessions.open(), whose transactions run on the primary.");
        }
    }

    void requireOwnTransaction(String call) {
        if (!ownsTransaction()) {
            throw containerOwnsTheTransaction(call);
        }
    }

    /**
     * The refusal of {@code call} ("commit()") on a session a container hands out: the one message for every such
     * session, whatever runs underneath it (a joined session, or a read-only transaction's session on a replica).
     */
    public static InvalidRequestException containerOwnsTheTransaction(String call) {
        return new InvalidRequestException("session." + call + " is not allowed on a container-managed session: the "
                + "container owns the transaction. To fix this, remove the call and let @jakarta.transaction.Transactional "
                + "commit when the method returns (throw an exception or call setRollbackOnly() to roll back).");
    }
}
