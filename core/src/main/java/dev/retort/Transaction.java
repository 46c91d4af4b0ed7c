package dev.retort;

/**
 * A transaction or a nested transaction (SAVEPOINT) of a session, for try-with-resources:
 * {@link #close()} rolls back unless {@link #commit()} was called. Not thread-safe.
 */
public interface Transaction extends AutoCloseable {

    /** Flushes, then commits (or releases the savepoint of a nested transaction). */
    void commit();

    /**
     * Rolls back (to the savepoint, for a nested transaction). Objects added or inserted since it began
     * leave the session; persistent objects get back the state they had when it began.
     */
    void rollback();

    /** Whether it has neither committed nor rolled back. */
    boolean isActive();

    /** Rolls back if still active. */
    @Override
    void close();
}
