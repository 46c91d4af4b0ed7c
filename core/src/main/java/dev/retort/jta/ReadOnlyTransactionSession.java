package dev.retort.jta;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import dev.retort.DeleteQuery;
import dev.retort.Expr;
import dev.retort.InvalidRequestException;
import dev.retort.Query;
import dev.retort.Row;
import dev.retort.SelectQuery;
import dev.retort.Session;
import dev.retort.SqlQuery;
import dev.retort.Statistics;
import dev.retort.Transaction;
import dev.retort.UpdateQuery;
import dev.retort.session.GuardedSession;
import dev.retort.session.TransactionMode;
import dev.retort.session.WriteGuard;

/**
 * The session of a transaction marked read-only ({@link ReadOnlyTransactions}, the containers'
 * {@code @ReadOnlyTransaction}): it reads through the session underneath (on a replica, or on the primary while every
 * replica lags) and refuses each write with the container's fix, before the session underneath sees it; as every session
 * a container hands out, it leaves the transaction to the container ({@code commit()}, {@code rollback()} and
 * {@code begin()} are refused). Used on the transaction's thread only.
 */
final class ReadOnlyTransactionSession implements Session {
    private final Session reads;

    /**
     * Over {@code reads}, whose own writes (a flush of objects the code changed) are refused with the same fix
     * through its write guard, which the session asks before its read-only check.
     */
    ReadOnlyTransactionSession(GuardedSession reads) {
        this.reads = reads;
        reads.guardWrites(new WriteGuard() {
            @Override
            public void beforeWrite(String action) {
                throw refusal(action);
            }

            @Override
            public void transactionEnded() {
            }
        });
    }

    /** The refusal of {@code action} ("add Note"), for the writes this class and the write guard of the primary's session stop. */
    static InvalidRequestException refusal(String action) {
        return new InvalidRequestException("Cannot " + action + ": the transaction runs a method annotated "
                + "@ReadOnlyTransaction, whose session only reads (from a replica, or from the primary while every replica "
                + "lags) and takes no writes. To fix this, remove @ReadOnlyTransaction from the method, or move the write to "
                + "a method without it.");
    }

    @Override
    public void add(Object entity) {
        throw refusal("add " + typeName(entity));
    }

    @Override
    public void addAll(Collection<?> entities) {
        throw refusal("add " + (entities.isEmpty() ? "objects" : typeName(entities.iterator().next())));
    }

    @Override
    public void addAll(Object... entities) {
        addAll(List.of(entities));
    }

    @Override
    public <T> T get(Class<T> entityType, Object id) {
        return reads.get(entityType, id);
    }

    @Override
    public void delete(Object entity) {
        throw refusal("delete " + typeName(entity));
    }

    @Override
    public void flush() {
        reads.flush();
    }

    /** Refused, as on every session a container hands out: the JTA transaction is the container's to end. */
    @Override
    public void commit() {
        throw TransactionMode.containerOwnsTheTransaction("commit()");
    }

    @Override
    public void rollback() {
        throw TransactionMode.containerOwnsTheTransaction("rollback()");
    }

    @Override
    public void refresh(Object entity) {
        reads.refresh(entity);
    }

    @Override
    public void expire(Object entity) {
        reads.expire(entity);
    }

    @Override
    public void expunge(Object entity) {
        reads.expunge(entity);
    }

    @Override
    public <T> T merge(T entity) {
        throw refusal("merge " + typeName(entity));
    }

    @Override
    public boolean contains(Object entity) {
        return reads.contains(entity);
    }

    @Override
    public <T> Query<T> query(Class<T> entityType) {
        return reads.query(entityType);
    }

    @Override
    public SelectQuery select(Expr<?>... columns) {
        return reads.select(columns);
    }

    @Override
    public <T> UpdateQuery<T> update(Class<T> entityType) {
        throw refusal("update " + entityType.getSimpleName() + " rows");
    }

    @Override
    public <T> DeleteQuery<T> delete(Class<T> entityType) {
        throw refusal("delete " + entityType.getSimpleName() + " rows");
    }

    @Override
    public SqlQuery sql(String sql) {
        return new ReadingSql(reads.sql(sql));
    }

    @Override
    public Transaction begin() {
        throw TransactionMode.containerOwnsTheTransaction("begin()");
    }

    @Override
    public Transaction beginNested() {
        throw TransactionMode.containerOwnsTheTransaction("beginNested()");
    }

    @Override
    public boolean inTransaction() {
        return reads.inTransaction();
    }

    @Override
    public Statistics statistics() {
        return reads.statistics();
    }

    @Override
    public void close() {
        reads.close();
    }

    @Override
    public String toString() {
        return "read-only transaction's " + reads;
    }

    private static String typeName(Object entity) {
        return entity == null ? "null" : entity.getClass().getSimpleName();
    }

    /** Hand-written SQL that may read; {@link #execute()}, which writes, is refused. */
    private static final class ReadingSql implements SqlQuery {
        private final SqlQuery query;

        ReadingSql(SqlQuery query) {
            this.query = query;
        }

        @Override
        public SqlQuery param(String name, Object value) {
            return new ReadingSql(query.param(name, value));
        }

        @Override
        public <T> TypedSqlQuery<T> as(Class<T> entityType) {
            return query.as(entityType);
        }

        @Override
        public SqlQuery timeout(Duration timeout) {
            return new ReadingSql(query.timeout(timeout));
        }

        @Override
        public List<Row> rows() {
            return query.rows();
        }

        @Override
        public <T> T scalar(Class<T> type) {
            return query.scalar(type);
        }

        @Override
        public int execute() {
            throw refusal("run session.sql(...).execute()");
        }
    }
}
