package dev.retort.session;

import dev.retort.Statistics;

/**
 * One session's statistics while it is open: plain long fields, incremented on the session's thread (sessions are
 * not thread-safe), so counting costs an add and allocates nothing. {@link #snapshot()} makes the public
 * {@link Statistics}; the factory adds them up when the session closes.
 */
public final class Counters {
    long statements;
    long rowsRead;
    long entitiesLoaded;
    public long entitiesInserted;
    public long entitiesUpdated;
    public long entitiesDeleted;
    public long flushes;
    long transactions;
    long nPlusOneWarnings;
    long failedStatements;

    Statistics snapshot() {
        return new Statistics(statements, rowsRead, entitiesLoaded, entitiesInserted, entitiesUpdated, entitiesDeleted,
                flushes, transactions, nPlusOneWarnings, failedStatements);
    }
}
