package dev.retort.jdbc;

import java.sql.SQLException;
import java.util.List;

/**
 * One statement execution, commit or rollback seen by the proxy, as handed to {@link SqlListener}s.
 *
 * <p>An event is complete and no longer changes when a listener receives it; it may be kept and read
 * from any thread. Only the proxy creates events.
 */
public interface SqlEvent {

    /** What happened. */
    enum Kind {
        /** A statement that returned a result set; {@link #rows()} counts the rows fetched. */
        QUERY,
        /** A statement that returned an update count; {@link #rows()} is that count. */
        UPDATE,
        /** {@code executeBatch}; {@link #rows()} sums the counts the driver reported. */
        BATCH,
        /** {@code Connection.commit()}. */
        COMMIT,
        /** {@code Connection.rollback()}, with or without a savepoint. */
        ROLLBACK
    }

    Kind kind();

    /** Numbers the proxy's connections (each checkout from a wrapped DataSource counts) from 1 per JVM. */
    long connectionId();

    /**
     * The SQL as the application wrote it, with its {@code ?} placeholders; a plain statement's batch
     * joins its statements with {@code ";\n"}. {@code COMMIT}, {@code ROLLBACK} or
     * {@code ROLLBACK TO SAVEPOINT name} for transaction events.
     */
    String sql();

    /** The SQL sent to the database: the same as {@link #sql()} unless the proxy rewrote it. */
    String sentSql();

    /**
     * The bound values rendered as SQL literals (strings quoted, {@code NULL}, dates as
     * {@code DATE '2024-05-01'}, binary values as their length): one list per execution, one per
     * {@code addBatch} in a batch, none for a statement without parameters. Named parameters of a
     * {@code CallableStatement} come last, as {@code name => literal}. A literal longer than
     * {@code retort.log.max-value-length} is summarised ({@code <String, 10485760 chars>}).
     */
    List<List<String>> parameters();

    /**
     * {@link #sql()} with each parameter set's values in place of the placeholders, for reading: at most
     * {@code retort.log.max-statement-length} characters, then {@code ... [N more characters]}.
     */
    String inlinedSql();

    /** Time spent in the driver executing; fetching a query's rows afterwards is not included. */
    long elapsedNanos();

    /** Rows fetched ({@link Kind#QUERY}, counted when the result set closes) or affected; -1 if unknown. */
    long rows();

    /** The number of parameter sets or statements in a batch; 0 when this is not a batch. */
    int batchSize();

    /** The exception the driver threw (and the proxy rethrew unchanged), or {@code null} on success. */
    SQLException failure();

    /** {@code class.method(File.java:line)} of the application code, or {@code null} unless enabled. */
    String caller();
}
