package dev.retort.quarkus.runtime;

import java.util.Collection;

import dev.retort.InvalidRequestException;
import dev.retort.Query;
import dev.retort.Session;
import dev.retort.Transaction;
import io.quarkus.runtime.BlockingOperationControl;

/**
 * The injected session of a Quarkus application: core's container session, refusing to be used on a
 * Vert.x event-loop (I/O) thread, where a JDBC call would stall every request that thread serves.
 * Thread-safe, as the session it guards.
 */
final class IoThreadGuardedSession implements Session {
    private final Session delegate;

    IoThreadGuardedSession(Session delegate) {
        this.delegate = delegate;
    }

    private Session session() {
        if (!BlockingOperationControl.isBlockingAllowed()) {
            throw new InvalidRequestException("The injected Retort session was used on thread " + Thread.currentThread().getName()
                    + ", a Vert.x event-loop thread, which must not block on database calls. To fix this, run the code on a "
                    + "worker thread: annotate the endpoint or method with @io.smallrye.common.annotation.Blocking (REST methods "
                    + "returning Uni or Multi, and @NonBlocking ones, run on the event loop).");
        }
        return delegate;
    }

    @Override
    public void add(Object entity) {
        session().add(entity);
    }

    @Override
    public void addAll(Collection<?> entities) {
        session().addAll(entities);
    }

    @Override
    public void addAll(Object... entities) {
        session().addAll(entities);
    }

    @Override
    public <T> T get(Class<T> entityType, Object id) {
        return session().get(entityType, id);
    }

    @Override
    public void delete(Object entity) {
        session().delete(entity);
    }

    @Override
    public void flush() {
        session().flush();
    }

    @Override
    public void commit() {
        session().commit();
    }

    @Override
    public void rollback() {
        session().rollback();
    }

    @Override
    public void refresh(Object entity) {
        session().refresh(entity);
    }

    @Override
    public void expire(Object entity) {
        session().expire(entity);
    }

    @Override
    public void expunge(Object entity) {
        session().expunge(entity);
    }

    @Override
    public <T> T merge(T entity) {
        return session().merge(entity);
    }

    @Override
    public boolean contains(Object entity) {
        return session().contains(entity);
    }

    @Override
    public <T> Query<T> query(Class<T> entityType) {
        return session().query(entityType);
    }

    @Override
    public Transaction begin() {
        return session().begin();
    }

    @Override
    public Transaction beginNested() {
        return session().beginNested();
    }

    @Override
    public boolean inTransaction() {
        return delegate.inTransaction();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
