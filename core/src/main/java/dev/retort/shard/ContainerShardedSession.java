package dev.retort.shard;

import java.util.Collection;

import dev.retort.DeleteQuery;
import dev.retort.Expr;
import dev.retort.InvalidRequestException;
import dev.retort.Query;
import dev.retort.SelectQuery;
import dev.retort.Session;
import dev.retort.SqlQuery;
import dev.retort.Statistics;
import dev.retort.Transaction;
import dev.retort.UpdateQuery;

/**
 * The {@link ShardedSession} that containers inject: it holds no state and sends each call to the sharded session of
 * the calling thread's JTA transaction ({@link JtaShardedSessions#current()}), which says what is missing when no
 * transaction is active. The container ends the sessions: {@link #close()} is refused, and so are {@code commit()},
 * {@code rollback()} and {@code begin()} (by the shards' joined sessions). Thread-safe, so it can be injected into
 * application-scoped beans.
 */
public final class ContainerShardedSession implements ShardedSession {
    private final JtaShardedSessions sessions;

    public ContainerShardedSession(JtaShardedSessions sessions) {
        this.sessions = sessions;
    }

    private ShardedSession current() {
        return sessions.current();
    }

    @Override
    public Session shard(String name) {
        return current().shard(name);
    }

    @Override
    public String shardOf(Object entity) {
        return current().shardOf(entity);
    }

    @Override
    public void add(Object entity) {
        current().add(entity);
    }

    @Override
    public void addAll(Collection<?> entities) {
        current().addAll(entities);
    }

    @Override
    public void addAll(Object... entities) {
        current().addAll(entities);
    }

    @Override
    public <T> T get(Class<T> entityType, Object id) {
        return current().get(entityType, id);
    }

    @Override
    public void delete(Object entity) {
        current().delete(entity);
    }

    @Override
    public void flush() {
        current().flush();
    }

    @Override
    public void commit() {
        current().commit();
    }

    @Override
    public void rollback() {
        current().rollback();
    }

    @Override
    public void refresh(Object entity) {
        current().refresh(entity);
    }

    @Override
    public void expire(Object entity) {
        current().expire(entity);
    }

    @Override
    public void expunge(Object entity) {
        current().expunge(entity);
    }

    @Override
    public <T> T merge(T entity) {
        return current().merge(entity);
    }

    @Override
    public boolean contains(Object entity) {
        return current().contains(entity);
    }

    @Override
    public <T> Query<T> query(Class<T> entityType) {
        return current().query(entityType);
    }

    @Override
    public SelectQuery select(Expr<?>... columns) {
        return current().select(columns);
    }

    @Override
    public <T> UpdateQuery<T> update(Class<T> entityType) {
        return current().update(entityType);
    }

    @Override
    public <T> DeleteQuery<T> delete(Class<T> entityType) {
        return current().delete(entityType);
    }

    @Override
    public SqlQuery sql(String sql) {
        return current().sql(sql);
    }

    @Override
    public Transaction begin() {
        return current().begin();
    }

    @Override
    public Transaction beginNested() {
        return current().beginNested();
    }

    /** Whether the calling thread's JTA transaction has a sharded session that is in a transaction. */
    @Override
    public boolean inTransaction() {
        return sessions.inTransaction();
    }

    @Override
    public Statistics statistics() {
        return current().statistics();
    }

    /** Always refused: the container closes the sessions it hands out. */
    @Override
    public void close() {
        throw new InvalidRequestException("session.close() is not allowed on an injected sharded session: the container "
                + "closes it when the transaction ends. To fix this, remove the call (and do not put the injected session in "
                + "a try-with-resources block).");
    }

    @Override
    public String toString() {
        return "ContainerShardedSession[" + (sessions.inTransaction() ? "in a JTA transaction" : "no transaction") + "]";
    }
}
