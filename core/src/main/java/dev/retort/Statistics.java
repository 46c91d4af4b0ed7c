package dev.retort;

/**
 * What sessions did, as Hibernate's statistics: a snapshot, immutable, taken by {@link Session#statistics()} (one
 * session so far) or {@link SessionFactory#statistics()} (every closed session of the factory).
 *
 * @param statements        JDBC executions: queries, each JDBC batch of a flush once, bulk and hand-written statements
 * @param rowsRead          rows the session's queries read from result sets
 * @param entitiesLoaded    objects that entered the session from a row (each identity once; a refill of an expired
 *                          object is not counted again)
 * @param entitiesInserted  rows a flush inserted (an object, not its JOINED subclass rows)
 * @param entitiesUpdated   objects a flush updated
 * @param entitiesDeleted   objects a flush deleted
 * @param flushes           flushes that wrote something
 * @param transactions      transactions that ended: committed, rolled back, or completed by the container
 * @param nPlusOneWarnings  relationships the N+1 guard warned about ({@link LazyLoadGuard}): lazily loaded one parent
 *                          at a time for more parents than its threshold; each relationship once per session
 * @param failedStatements  statements that failed: the database rejected them, or the connection failed, while
 *                          preparing, running or reading them (each is also one of {@code statements})
 */
public record Statistics(long statements, long rowsRead, long entitiesLoaded, long entitiesInserted,
                         long entitiesUpdated, long entitiesDeleted, long flushes, long transactions,
                         long nPlusOneWarnings, long failedStatements) {

    /** Nothing done yet. */
    public static final Statistics NONE = new Statistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The sum of this snapshot and {@code other}. */
    public Statistics plus(Statistics other) {
        return new Statistics(statements + other.statements, rowsRead + other.rowsRead,
                entitiesLoaded + other.entitiesLoaded, entitiesInserted + other.entitiesInserted,
                entitiesUpdated + other.entitiesUpdated, entitiesDeleted + other.entitiesDeleted,
                flushes + other.flushes, transactions + other.transactions, nPlusOneWarnings + other.nPlusOneWarnings,
                failedStatements + other.failedStatements);
    }
}
