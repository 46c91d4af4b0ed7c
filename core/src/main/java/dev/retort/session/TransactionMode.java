package dev.retort.session;

import dev.retort.InvalidRequestException;
import dev.retort.TransactionRequiredException;

/**
 * Who runs a session's transactions. {@link #local()}: the session itself, with JDBC commit and rollback
 * (plain Java SE). {@link #joined(Runnable)}: a container's JTA transaction, which the session's
 * connections are enlisted in by the pool; the session flushes before completion and never commits. 
 * {@link #readOnly()}: no transaction at all; the session reads and refuses every write. Immutable.
 */
public final class TransactionMode {
    private enum Kind { LOCAL, JOINED, READ_ONLY }

    private static final TransactionMode LOCAL = new TransactionMode(Kind.LOCAL, null);
    private static final TransactionMode READ_ONLY = new TransactionMode(Kind.READ_ONLY, null);

    private final Kind kind;
    private final Runnable rollbackOnly;

    private TransactionMode(Kind kind, Runnable rollbackOnly) {
        this.kind = kind;
        this.rollbackOnly = rollbackOnly;
    }

    public static TransactionMode local() {
        return LOCAL;
    }

    /** Joined to the container's transaction; {@code rollbackOnly} marks it so after a failed flush. */
    public static TransactionMode joined(Runnable rollbackOnly) {
        return new TransactionMode(Kind.JOINED, rollbackOnly);
    }

    public static TransactionMode readOnly() {
        return READ_ONLY;
    }

    boolean ownsTransaction() {
        return kind == Kind.LOCAL;
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
    }

    void requireOwnTransaction(String call) {
        if (kind != Kind.LOCAL) {
            throw new InvalidRequestException("session." + call + " is not allowed on a container-managed session: the "
                    + "container owns the transaction. To fix this, remove the call and let @jakarta.transaction.Transactional "
                    + "commit when the method returns (throw an exception or call setRollbackOnly() to roll back).");
        }
    }
}
