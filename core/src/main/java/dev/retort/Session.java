package dev.retort;

import java.util.Collection;

/**
 * A unit of work over one database transaction at a time, as SQLAlchemy's {@code Session}: it keeps an
 * identity map (one instance per row), notices changes by comparing objects with the state last loaded
 * or written, and writes everything at {@link #flush()} (before queries, and at {@link #commit()}).
 * <p>
 * A transaction begins on first use (autobegin) and ends with {@link #commit()} or {@link #rollback()};
 * the session then goes on with a new one. After a failed flush the transaction is already rolled
 * back, and the session refuses work with {@link PendingRollbackException} until {@code rollback()}.
 * <p>
 * Not thread-safe: use one session per thread or request. Close it (try-with-resources) to return its
 * connection; closing rolls back what was not committed.
 */
public interface Session extends AutoCloseable {

    /** Schedules a new object for INSERT at the next flush; an object already in the session is left as is. */
    void add(Object entity);

    void addAll(Collection<?> entities);

    void addAll(Object... entities);

    /**
     * The instance with this primary key: from the identity map when present, else loaded; {@code null}
     * when no row exists. The id must have the id attribute's type (integral numbers are widened).
     */
    <T> T get(Class<T> entityType, Object id);

    /**
     * Schedules the object's row for DELETE at the next flush; a pending object is simply removed. (Given
     * a class, {@link #delete(Class)} is the bulk DELETE instead.)
     */
    void delete(Object entity);

    /** Writes pending inserts, updates (changed columns only) and deletes to the database. */
    void flush();

    /**
     * Flushes and commits the current transaction. Objects stay in the session and are expired (unless the
     * factory turned that off): the next load of each row refills its object with the database's state.
     */
    void commit();

    /**
     * Rolls back the current transaction. Objects that were pending or inserted in it leave the session;
     * persistent objects get back the state the database has (unflushed changes are discarded), and are
     * expired as after a commit.
     */
    void rollback();

    /** Reloads the object's state from the database now, discarding its changes. */
    void refresh(Object entity);

    /**
     * Marks the object's state as stale: its unflushed changes are discarded (its fields get back the state
     * last read or written), and the next time the session loads its row the fields are refilled from it,
     * except those the code changed after this call. Commit and rollback expire every object unless the
     * factory turned that off ({@link dev.retort.SessionFactory#withExpireOnCommit}).
     */
    void expire(Object entity);

    /** Removes the object from the session without touching the database; its changes are not flushed. */
    void expunge(Object entity);

    /**
     * Copies the state of a detached or new object onto the session's instance with the same id (loaded
     * if needed) and returns that instance; an object with no row yet is added as new. The argument
     * itself is not attached.
     */
    <T> T merge(T entity);

    /** Whether the object is in this session (pending, persistent or marked for deletion). */
    boolean contains(Object entity);

    /** A query for entities of one type, as {@code session.query(User)} in SQLAlchemy. */
    <T> Query<T> query(Class<T> entityType);

    /**
     * A query for rows of values: attributes, functions and aggregates, as SQLAlchemy's {@code select()}:
     * {@code session.select(User_.name, Func.count()).groupBy(User_.name).all()}.
     */
    SelectQuery select(Expr<?>... columns);

    /** A bulk UPDATE of the entity's table, bypassing the identity map (see {@link UpdateQuery}). */
    <T> UpdateQuery<T> update(Class<T> entityType);

    /** A bulk DELETE from the entity's table, bypassing the identity map (see {@link DeleteQuery}). */
    <T> DeleteQuery<T> delete(Class<T> entityType);

    /** Hand-written SQL with {@code :named} parameters (see {@link SqlQuery}). */
    SqlQuery sql(String sql);

    /** Begins a transaction explicitly (for try-with-resources); fails if one is already active. */
    Transaction begin();

    /** Begins a nested transaction (SAVEPOINT) inside the current one, flushing first. */
    Transaction beginNested();

    /** Whether a transaction is active (begun explicitly or by autobegin). */
    boolean inTransaction();

    /** What this session did so far: statements, rows read, objects loaded and written, flushes, N+1 warnings. */
    Statistics statistics();

    /** Rolls back what was not committed, returns the connection and detaches every object. Idempotent. */
    @Override
    void close();
}
