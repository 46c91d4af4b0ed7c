package dev.retort.session;

/**
 * A session whose transaction someone else runs (a JTA transaction manager): what the container glue
 * ({@code dev.retort.jta}) tells it at the two ends of that transaction.
 */
public interface JoinedSession extends GuardedSession {
    /** The transaction is about to commit: write what is pending and give the connection back to the pool. */
    void beforeCompletion();

    /** The transaction ended, committed or not; the session restores memory if not, then closes. */
    void completed(boolean committed);
}
