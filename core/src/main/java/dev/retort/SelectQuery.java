package dev.retort;

import java.util.List;

/**
 * A query for rows of values rather than entities, as {@code session.select(User_.name, Func.count())}:
 * columns are expressions, rows are {@link Row}s read by expression ({@code row.get(User_.name)}) or mapped
 * to records with {@link #into}. Built step by step like {@link Query}: each method returns a new query.
 * The table is the one the first selected attribute belongs to, or the one named with {@link #from}.
 * Executing flushes the session first. Not thread-safe, like its session.
 */
public interface SelectQuery {

    /** Reads from this entity's table (needed when no selected column is an attribute, as in {@code count()}). */
    SelectQuery from(Class<?> entityType);

    /** Adds a condition, combined with AND with the others. */
    SelectQuery where(Predicate condition);

    SelectQuery groupBy(Expr<?>... expressions);

    /** A condition on groups (aggregates), combined with AND with the others. */
    SelectQuery having(Predicate condition);

    /** {@code JOIN table ON condition}: inner join of the entity's table. */
    SelectQuery join(Class<?> entityType, Predicate on);

    /** {@code LEFT JOIN table ON condition}: rows without a match keep nulls for the joined table's columns. */
    SelectQuery leftJoin(Class<?> entityType, Predicate on);

    /** {@code JOIN} along a relationship of an entity already in the query: {@code join(User_.posts)}. */
    SelectQuery join(Relation<?, ?> relationship);

    /** {@code LEFT JOIN} along a relationship. */
    SelectQuery leftJoin(Relation<?, ?> relationship);

    /** {@code FULL JOIN}: where the database has it (not H2, MySQL or MariaDB: an {@link UnsupportedFeatureException} there). */
    SelectQuery fullJoin(Class<?> entityType, Predicate on);

    /** Inner join of an aliased table (self-joins). */
    SelectQuery join(Alias<?> alias, Predicate on);

    SelectQuery leftJoin(Alias<?> alias, Predicate on);

    /** Defines common tables for this query: {@code WITH name (columns) AS (...)} before its SELECT. */
    SelectQuery with(Cte... tables);

    /** Reads from a common table (also found on its own when the first selected column is one of its columns). */
    SelectQuery from(Cte table);

    /** Inner join of a common table. */
    SelectQuery join(Cte table, Predicate on);

    /** {@code this UNION other}: rows of both without duplicates; the other query's own order and limit are not used. */
    SelectQuery union(SelectQuery other);

    /** {@code this UNION ALL other}: rows of both, duplicates kept. */
    SelectQuery unionAll(SelectQuery other);

    SelectQuery orderBy(Order... orders);

    SelectQuery limit(int limit);

    SelectQuery offset(int offset);

    SelectQuery distinct();

    /**
     * Cancels the statement when it runs longer than {@code timeout} (rounded up to whole seconds;
     * {@code Duration.ZERO} for no limit), instead of the engine's {@code statement-timeout-seconds}; a timeout
     * raises {@link QueryTimeoutException}, and the session is usable again after {@link Session#rollback()}.
     */
    SelectQuery timeout(java.time.Duration timeout);

    List<Row> all();

    /** The first row, or {@code null}. */
    Row first();

    /** The single row; {@link NoResultFoundException} or {@link MultipleResultsFoundException} otherwise. */
    Row one();

    /**
     * Every row as an instance of a record whose components match the selected columns in order and type
     * (integral numbers are converted where they fit): {@code select(User_.name, Func.count()).into(NameCount.class)}.
     */
    <R extends Record> List<R> into(Class<R> recordType);

    /**
     * This query as a SQL tree, as subqueries embed it ({@link Expr#in(SelectQuery)}, {@link Func#exists},
     * {@link Func#scalar}); its columns are qualified there, so it may refer to the enclosing query's tables.
     */
    dev.retort.sql.Statement.Select statement();
}
