package dev.retort.jta;

import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.retort.DeleteQuery;
import dev.retort.Expr;
import dev.retort.InvalidRequestException;
import dev.retort.Statistics;
import dev.retort.Query;
import dev.retort.SelectQuery;
import dev.retort.Session;
import dev.retort.SqlQuery;
import dev.retort.Transaction;
import dev.retort.TransactionRequiredException;
import dev.retort.UpdateQuery;

/**
 * The {@link Session} that containers inject ({@code @Inject Session session}): it holds no state and
 * sends each call to the session it belongs to at that moment. Inside a JTA transaction that is the
 * transaction's session ({@link JtaSessions#current()}); outside one, a read-only session: the
 * request's, when the container has one active, else a session opened for that one call (queries open
 * theirs when they run). Thread-safe, so it can be injected into application-scoped beans.
 * <p>
 * The container ends every session it hands out: {@link #close()} is refused, as are {@code commit()},
 * {@code rollback()} and {@code begin()} (by the sessions themselves), and outside a transaction every
 * write and {@code flush()} throws {@link TransactionRequiredException}.
 */
public final class ContainerSession implements Session {
    private final JtaSessions sessions;
    private final Supplier<Session> requestSession;
    private final Runnable threadCheck;

    /**
     * @param requestSession the read-only session of the active request, or {@code null} when no request
     *                       context is active (the container's notion of a request)
     */
    public ContainerSession(JtaSessions sessions, Supplier<Session> requestSession) {
        this(sessions, requestSession, () -> { });
    }

    /**
     * @param threadCheck run before every call that may reach the database; throws where the calling
     *                    thread must not block (Quarkus: a Vert.x event-loop thread)
     */
    public ContainerSession(JtaSessions sessions, Supplier<Session> requestSession, Runnable threadCheck) {
        this.sessions = sessions;
        this.requestSession = requestSession;
        this.threadCheck = threadCheck;
    }

    /** Whether a JTA transaction is active, after checking that this thread may use the database. */
    private boolean active() {
        threadCheck.run();
        return sessions.inTransaction();
    }

    private <R> R call(Function<Session, R> action) {
        if (active()) {
            return action.apply(sessions.current());
        }
        Session request = requestSession.get();
        if (request != null) {
            return action.apply(request);
        }
        Session perCall = sessions.openReadOnly();
        try {
            return action.apply(perCall);
        } finally {
            perCall.close();
        }
    }

    private void run(Consumer<Session> action) {
        call(session -> {
            action.accept(session);
            return null;
        });
    }

    @Override
    public void add(Object entity) {
        run(session -> session.add(entity));
    }

    @Override
    public void addAll(Collection<?> entities) {
        run(session -> session.addAll(entities));
    }

    @Override
    public void addAll(Object... entities) {
        run(session -> session.addAll(entities));
    }

    @Override
    public <T> T get(Class<T> entityType, Object id) {
        return call(session -> session.get(entityType, id));
    }

    @Override
    public void delete(Object entity) {
        run(session -> session.delete(entity));
    }

    /** Flushes the transaction's session; outside a transaction there is nothing it may write, so it throws. */
    @Override
    public void flush() {
        if (!active()) {
            throw new TransactionRequiredException("Cannot flush changes: no transaction is active, so this injected "
                    + "session only reads. To fix this, annotate the calling method (or its class) with "
                    + "@jakarta.transaction.Transactional.");
        }
        sessions.current().flush();
    }

    @Override
    public void commit() {
        run(Session::commit);
    }

    @Override
    public void rollback() {
        run(Session::rollback);
    }

    @Override
    public void refresh(Object entity) {
        run(session -> session.refresh(entity));
    }

    @Override
    public void expire(Object entity) {
        run(session -> session.expire(entity));
    }

    @Override
    public void expunge(Object entity) {
        run(session -> session.expunge(entity));
    }

    @Override
    public <T> T merge(T entity) {
        return call(session -> session.merge(entity));
    }

    @Override
    public boolean contains(Object entity) {
        return call(session -> session.contains(entity));
    }

    /**
     * A query on the current session; outside a transaction and a request, one that opens a read-only
     * session when it runs and closes it right after.
     */
    @Override
    public <T> Query<T> query(Class<T> entityType) {
        if (!active() && requestSession.get() == null) {
            return new ReadOnlyQuery<>(sessions, session -> session.query(entityType));
        }
        return call(session -> session.query(entityType));
    }

    /** Needs a session that lives until the query runs: the transaction's or the request's. */
    @Override
    public SelectQuery select(Expr<?>... columns) {
        return lasting("session.select(...)").select(columns);
    }

    @Override
    public SqlQuery sql(String sql) {
        return lasting("session.sql(...)").sql(sql);
    }

    @Override
    public <T> UpdateQuery<T> update(Class<T> entityType) {
        return writing("update " + entityType.getSimpleName() + " rows").update(entityType);
    }

    @Override
    public <T> DeleteQuery<T> delete(Class<T> entityType) {
        return writing("delete " + entityType.getSimpleName() + " rows").delete(entityType);
    }

    /** The transaction's session, or the request's read-only one; else an error saying where to call. */
    private Session lasting(String call) {
        if (active()) {
            return sessions.current();
        }
        Session request = requestSession.get();
        if (request != null) {
            return request;
        }
        throw new InvalidRequestException(call + " on an injected session needs a transaction or a request: outside "
                + "both there is no session that stays open until the query runs. To fix this, call it from a "
                + "@jakarta.transaction.Transactional method, or within a request (@ActivateRequestContext).");
    }

    private Session writing(String action) {
        if (!active()) {
            throw new TransactionRequiredException("Cannot " + action + ": no transaction is active, so this injected "
                    + "session only reads. To fix this, annotate the calling method (or its class) with "
                    + "@jakarta.transaction.Transactional.");
        }
        return sessions.current();
    }

    @Override
    public Transaction begin() {
        return call(Session::begin);
    }

    @Override
    public Transaction beginNested() {
        return call(Session::beginNested);
    }

    /** Whether a JTA transaction is active on the calling thread. */
    @Override
    public boolean inTransaction() {
        return sessions.inTransaction();
    }

    /** The statistics of the transaction's session, or of the request's read-only one. */
    @Override
    public Statistics statistics() {
        return lasting("session.statistics()").statistics();
    }

    /** Always refused: the container closes the sessions it hands out. */
    @Override
    public void close() {
        throw new InvalidRequestException("session.close() is not allowed on an injected session: the container closes "
                + "it when the transaction or request ends. To fix this, remove the call (and do not put the injected "
                + "session in a try-with-resources block).");
    }

    @Override
    public String toString() {
        return "ContainerSession[" + (sessions.inTransaction() ? "in a JTA transaction" : "no transaction") + "]";
    }
}
