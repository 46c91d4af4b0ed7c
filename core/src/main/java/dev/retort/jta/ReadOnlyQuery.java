package dev.retort.jta;

import java.util.List;
import java.util.function.Function;

import dev.retort.Order;
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
    public T get(Object id) {
        return run(query -> query.get(id));
    }
}
