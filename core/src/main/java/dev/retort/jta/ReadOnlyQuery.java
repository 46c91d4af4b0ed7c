package dev.retort.jta;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.retort.Alias;
import dev.retort.Order;
import dev.retort.Predicate;
import dev.retort.Query;
import dev.retort.Session;

/**
 * A query built outside any transaction and request: it remembers how it was built and, when it runs,
 * opens a read-only session, runs there and closes it, so no connection stays taken. The instances it
 * returns are detached. Immutable, as every query.
 */
final class ReadOnlyQuery<T> implements Query<T> {
    private final JtaSessions sessions;
    private final Function<Session, Query<T>> build;

    ReadOnlyQuery(JtaSessions sessions, Function<Session, Query<T>> build) {
        this.sessions = sessions;
        this.build = build;
    }

    private Query<T> refined(Function<Query<T>, Query<T>> step) {
        return new ReadOnlyQuery<>(sessions, build.andThen(step));
    }

    private <R> R run(Function<Query<T>, R> terminal) {
        Session session = sessions.openReadOnly();
        try {
            return terminal.apply(build.apply(session));
        } finally {
            session.close();
        }
    }

    @Override
    public Query<T> filterBy(String attribute, Object value) {
        return refined(query -> query.filterBy(attribute, value));
    }

    @Override
    public Query<T> filter(Predicate condition) {
        return refined(query -> query.filter(condition));
    }

    @Override
    public Query<T> join(Class<?> entityType, Predicate on) {
        return refined(query -> query.join(entityType, on));
    }

    @Override
    public Query<T> leftJoin(Class<?> entityType, Predicate on) {
        return refined(query -> query.leftJoin(entityType, on));
    }

    @Override
    public Query<T> join(Alias<?> alias, Predicate on) {
        return refined(query -> query.join(alias, on));
    }

    @Override
    public Query<T> leftJoin(Alias<?> alias, Predicate on) {
        return refined(query -> query.leftJoin(alias, on));
    }

    @Override
    public Query<T> yieldPer(int rows) {
        return refined(query -> query.yieldPer(rows));
    }

    @Override
    public Query<T> distinct() {
        return refined(Query::distinct);
    }

    @Override
    public Query<T> join(dev.retort.Relation<?, ?> relationship) {
        return refined(query -> query.join(relationship));
    }

    @Override
    public Query<T> leftJoin(dev.retort.Relation<?, ?> relationship) {
        return refined(query -> query.leftJoin(relationship));
    }

    @Override
    public Query<T> options(dev.retort.Load... loads) {
        return refined(query -> query.options(loads));
    }

    @Override
    public Query<T> orderBy(String... attributes) {
        return refined(query -> query.orderBy(attributes));
    }

    @Override
    public Query<T> orderBy(Order... orders) {
        return refined(query -> query.orderBy(orders));
    }

    @Override
    public Query<T> limit(int limit) {
        return refined(query -> query.limit(limit));
    }

    @Override
    public Query<T> offset(int offset) {
        return refined(query -> query.offset(offset));
    }

    @Override
    public Query<T> readOnly() {
        return refined(Query::readOnly);
    }

    @Override
    public Query<T> timeout(java.time.Duration timeout) {
        return refined(query -> query.timeout(timeout));
    }

    @Override
    public List<T> all() {
        return run(Query::all);
    }

    @Override
    public T first() {
        return run(Query::first);
    }

    @Override
    public T one() {
        return run(Query::one);
    }

    @Override
    public T oneOrNull() {
        return run(Query::oneOrNull);
    }

    @Override
    public long count() {
        return run(Query::count);
    }

    @Override
    public boolean exists() {
        return run(Query::exists);
    }

    /** The read-only session stays open while the stream is read; closing the stream closes it. */
    @Override
    public Stream<T> stream() {
        Session session = sessions.openReadOnly();
        try {
            return build.apply(session).stream().onClose(session::close);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    @Override
    public T get(Object id) {
        return run(query -> query.get(id));
    }
}
