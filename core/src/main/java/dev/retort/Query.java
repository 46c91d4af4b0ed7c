package dev.retort;

import java.util.List;
import java.util.stream.Stream;

/**
 * A query for entities of one type, built step by step as in SQLAlchemy: every method returns a new
 * query and leaves this one unchanged, so a query can be shared and refined. Executing it
 * ({@link #all()}, {@link #first()}, ...) flushes the session first and returns the session's instances
 * (the identity map's, when already loaded). Not thread-safe, like its session.
 */
public interface Query<T> {

    /** Adds {@code attribute = value} ({@code IS NULL} for a null value), combined with AND. */
    Query<T> filterBy(String attribute, Object value);

    /** Adds a condition ({@code User_.age.ge(25)}), combined with AND with the others. */
    Query<T> filter(Predicate condition);

    /** Orders by attributes, ascending. */
    Query<T> orderBy(String... attributes);

    /** Orders by terms, in turn: {@code orderBy(User_.age.desc(), User_.name.asc().nullsLast())}. */
    Query<T> orderBy(Order... orders);

    /**
     * {@code JOIN table ON condition}, to filter or order by another table's columns; the results are
     * still this query's entities (once per matching row: add {@link #distinct()} to drop repeats).
     */
    Query<T> join(Class<?> entityType, Predicate on);

    Query<T> leftJoin(Class<?> entityType, Predicate on);

    /**
     * {@code JOIN} along a relationship, its ON condition from the mapping: {@code join(User_.posts)} then
     * {@code filter(Post_.title.eq("Hello"))}. Results are still this query's entities, once per matching
     * row (add {@link #distinct()} to drop repeats).
     */
    Query<T> join(Relation<?, ?> relationship);

    /** {@code LEFT JOIN} along a relationship. */
    Query<T> leftJoin(Relation<?, ?> relationship);

    /** Inner join of an aliased table, for self-joins: {@code join(manager, Employee_.managerId.eq(manager.get(Employee_.id)))}. */
    Query<T> join(Alias<?> alias, Predicate on);

    Query<T> leftJoin(Alias<?> alias, Predicate on);

    /**
     * How to load the relationships of the results ({@link Load#selectIn}, {@link Load#joined},
     * {@link Load#lazy}, {@link Load#raise}); relationships not named load as mapped (to-one with their
     * object, to-many lazily on first access).
     */
    Query<T> options(Load... loads);

    /** SELECT DISTINCT. */
    Query<T> distinct();

    Query<T> limit(int limit);

    Query<T> offset(int offset);

    /**
     * Loads the query's objects read-only, as Hibernate's read-only queries: the session keeps no snapshot of
     * them and never flushes them, so changes made to them are not saved. Cheaper for reporting paths. An
     * object the session already holds is returned as it is (ordinary, if it was loaded so); related objects
     * loaded with the query are ordinary ones. {@code session.refresh(object)} makes a read-only object an
     * ordinary one; {@code session.delete} and {@code merge} onto it are refused until then. Not for entities
     * of an inheritance hierarchy yet.
     */
    Query<T> readOnly();

    /**
     * Cancels the query's statements (and the flush it starts) when they run longer than {@code timeout},
     * rounded up to whole seconds as JDBC counts them; {@code Duration.ZERO} for no limit. Replaces the
     * engine's {@code statement-timeout-seconds} for this query. A timeout raises {@link QueryTimeoutException};
     * the session is usable again after {@link Session#rollback()}.
     */
    Query<T> timeout(java.time.Duration timeout);

    List<T> all();

    /** The first row's instance, or {@code null}. */
    T first();

    /** The single row's instance; {@link NoResultFoundException} or {@link MultipleResultsFoundException} otherwise. */
    T one();

    /** The single row's instance or {@code null}; {@link MultipleResultsFoundException} if several. */
    T oneOrNull();

    /** The number of rows the query matches. */
    long count();

    /** Whether the query matches any row ({@code SELECT EXISTS (...)}). */
    boolean exists();

    /**
     * The results read lazily, a batch of rows at a time ({@link #yieldPer}, 500 by default), for results
     * too big for memory: the session holds one batch of the stream's objects, as SQLAlchemy's
     * {@code yield_per}. The stream holds an open cursor: close it (try-with-resources), and finish with it
     * before the next statement of this session.
     * <ul>
     * <li>An object already in the session when the stream reads its row is returned as the session's
     *     instance (the identity map's, as {@link #all()} returns it) and stays in the session.</li>
     * <li>Every other object the stream loads (its rows' objects, and the related objects loaded with
     *     them: to-one targets, {@link Load#selectIn} collections) belongs to the current batch: it is in
     *     the session, one instance per row, until the stream reads its next batch or is closed. Then it is
     *     detached, as by {@link Session#expunge}: not {@link Session#contains}, its unloaded relationships
     *     throw {@link DetachedInstanceException}, and changes made to it from then on are not saved (bring
     *     them back with {@link Session#merge}). A row met again in a later batch is a new instance.</li>
     * <li>An object changed (a field or a loaded collection) or deleted before its batch passed stays in
     *     the session, with the objects of its batch it reaches through its relationships, and the next
     *     flush writes the change, as SQLAlchemy keeps modified objects.</li>
     * <li>Objects the caller loads while reading (get, other queries, lazy loads of a streamed object's
     *     relationships) are not the stream's and stay in the session.</li>
     * </ul>
     */
    Stream<T> stream();

    /**
     * The number of rows {@link #stream()} reads, hydrates and keeps in the session at a time (also the
     * driver's fetch size), as SQLAlchemy's {@code yield_per}; at least 1. Other results are not affected.
     */
    Query<T> yieldPer(int rows);

    /** {@link Session#get} for this query's entity type (filters do not apply, as in SQLAlchemy). */
    T get(Object id);
}
