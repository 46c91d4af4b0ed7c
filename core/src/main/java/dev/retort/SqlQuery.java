package dev.retort;

import java.util.List;

/**
 * Hand-written SQL with named parameters, as SQLAlchemy's {@code text()}:
 * {@code session.sql("select * from users where age > :age").param("age", 30).as(User.class).all()}.
 * Each {@code :name} becomes a bind parameter (never text spliced into the SQL); {@code ::} casts and
 * names inside quotes and comments are left alone. Runs in the session's transaction after a flush.
 * Each method returns a new query. Not thread-safe, like its session.
 */
public interface SqlQuery {

    /** The value of {@code :name}; every parameter in the SQL needs one. */
    SqlQuery param(String name, Object value);

    /**
     * The rows as entities, matched to the entity's columns by name (so the SQL must select every column
     * of its table, as {@code select *} does), through the identity map.
     */
    <T> TypedSqlQuery<T> as(Class<T> entityType);

    /**
     * Cancels the statement when it runs longer than {@code timeout} (rounded up to whole seconds;
     * {@code Duration.ZERO} for no limit), instead of the engine's {@code statement-timeout-seconds}. A timeout
     * raises {@link QueryTimeoutException}; the session is usable again after {@link Session#rollback()}.
     */
    SqlQuery timeout(java.time.Duration timeout);

    /** The rows as values, readable by index or by column label. */
    List<Row> rows();

    /** The first column of the first row (null without rows), read as {@code type}. */
    <T> T scalar(Class<T> type);

    /**
     * Runs an INSERT, UPDATE, DELETE or DDL statement; returns the row count. The session's loaded
     * instances are all expired afterwards, since the statement may have changed any of them.
     */
    int execute();

    /** Hand-written SQL whose rows are entities. */
    interface TypedSqlQuery<T> {
        List<T> all();

        /** The first row's instance, or {@code null}. */
        T first();

        /** The single row's instance; {@link NoResultFoundException} or {@link MultipleResultsFoundException} otherwise. */
        T one();
    }
}
