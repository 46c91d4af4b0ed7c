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

    SelectQuery orderBy(Order... orders);

    SelectQuery limit(int limit);

    SelectQuery offset(int offset);

    SelectQuery distinct();

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
}
