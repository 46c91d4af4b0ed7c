package dev.retort.jdbc.log;

import dev.retort.jdbc.SqlEvent;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link SqlEvent} being filled in by the wrappers on the statement's thread; frozen once handed to
 * {@link SqlLog#emit}. Created only while {@code retort.log} is on.
 */
public final class StatementRecord implements SqlEvent {

    private final long connectionId;
    private Kind kind;
    private final String sql;
    private final String sentSql;
    private final List<BoundValues> parameterSets;
    private final int batchSize;
    private final long startNanos;
    private final String caller;
    private long elapsedNanos = -1;
    private long rows = -1;
    private SQLException failure;

    StatementRecord(long connectionId, Kind kind, String sql, String sentSql, List<BoundValues> parameterSets,
                    int batchSize, String caller) {
        this.connectionId = connectionId;
        this.kind = kind;
        this.sql = sql;
        this.sentSql = sentSql;
        this.parameterSets = parameterSets;
        this.batchSize = batchSize;
        this.caller = caller;
        this.startNanos = System.nanoTime();
    }

    /** Stops the clock when the driver returns; a query's rows are added later by {@link #rows(long)}. */
    public void executed() {
        elapsedNanos = System.nanoTime() - startNanos;
    }

    /** {@code execute()} learns only afterwards whether the statement was a query. */
    public void kind(Kind kind) {
        this.kind = kind;
    }

    public void rows(long rows) {
        this.rows = rows;
    }

    void failure(SQLException failure) {
        executed();
        this.failure = failure;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public long connectionId() {
        return connectionId;
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    public String sentSql() {
        return sentSql;
    }

    @Override
    public List<List<String>> parameters() {
        if (parameterSets.isEmpty()) {
            return List.of();
        }
        List<List<String>> rendered = new ArrayList<>(parameterSets.size());
        for (BoundValues set : parameterSets) {
            rendered.add(Collections.unmodifiableList(set.rendered()));
        }
        return Collections.unmodifiableList(rendered);
    }

    int parameterCount() {
        int count = 0;
        for (BoundValues set : parameterSets) {
            count += set.count();
        }
        return count;
    }

    @Override
    public String inlinedSql() {
        if (parameterSets.isEmpty()) {
            return sql;
        }
        StringBuilder inlined = new StringBuilder();
        for (BoundValues set : parameterSets) {
            inlined.append(inlined.length() == 0 ? "" : ";\n").append(set.inline(sql));
        }
        return inlined.toString();
    }

    @Override
    public long elapsedNanos() {
        return elapsedNanos;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public SQLException failure() {
        return failure;
    }

    @Override
    public String caller() {
        return caller;
    }

    @Override
    public String toString() {
        return TextFormat.format(this, dev.retort.jdbc.ProxyOptions.Params.INLINE);
    }
}
