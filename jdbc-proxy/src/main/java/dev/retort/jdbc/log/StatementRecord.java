package dev.retort.jdbc.log;

import dev.retort.jdbc.ProxyOptions;
import dev.retort.jdbc.SqlEvent;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link SqlEvent} being filled in by the wrappers on the statement's thread; frozen once handed to
 * {@link SqlLog#emit}. Created only while {@code retort.log} is on. Holds the bound values by reference
 * and renders them only when asked, within {@code retort.log.max-value-length} and
 * {@code retort.log.max-statement-length}.
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
    private final int maxValueLength;
    private final int maxStatementLength;
    private long elapsedNanos = -1;
    private long rows = -1;
    private SQLException failure;

    StatementRecord(long connectionId, Kind kind, String sql, String sentSql, List<BoundValues> parameterSets,
                    int batchSize, String caller, int maxValueLength, int maxStatementLength) {
        this.connectionId = connectionId;
        this.kind = kind;
        this.sql = sql;
        this.sentSql = sentSql;
        this.parameterSets = parameterSets;
        this.batchSize = batchSize;
        this.caller = caller;
        this.maxValueLength = maxValueLength;
        this.maxStatementLength = maxStatementLength;
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
            rendered.add(Collections.unmodifiableList(set.rendered(maxValueLength)));
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
        CappedText inlined = new CappedText(maxStatementLength);
        writeInlined(inlined);
        return inlined.toString();
    }

    /** Each parameter set's SQL with its values, joined by {@code ";\n"} as a batch is. */
    void writeInlined(CappedText out) {
        if (parameterSets.isEmpty()) {
            out.append(sql);
            return;
        }
        for (int i = 0; i < parameterSets.size(); i++) {
            out.append(i == 0 ? "" : ";\n");
            parameterSets.get(i).inline(sql, maxValueLength, out);
        }
    }

    /** {@code SQL | params: [1, 'a'], [2, 'b']}: the SQL with its placeholders, then each set's values. */
    void writeSeparate(CappedText out) {
        out.append(sql);
        if (parameterSets.isEmpty()) {
            return;
        }
        out.append(" | params: ");
        for (int i = 0; i < parameterSets.size(); i++) {
            out.append(i == 0 ? "[" : ", [");
            boolean[] first = {true};
            parameterSets.get(i).forEach((name, value) -> {
                out.append(first[0] ? "" : ", ");
                first[0] = false;
                BoundValues.literal(name, value, maxValueLength, out);
            });
            out.append("]");
        }
    }

    List<BoundValues> parameterSets() {
        return parameterSets;
    }

    int maxValueLength() {
        return maxValueLength;
    }

    int maxStatementLength() {
        return maxStatementLength;
    }

    /** A text capped at {@code retort.log.max-statement-length}, holding {@code text}. */
    String capped(String text) {
        if (text.length() <= maxStatementLength) {
            return text;
        }
        return new CappedText(maxStatementLength).append(text).toString();
    }

    CappedText cappedText() {
        return new CappedText(maxStatementLength);
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
        return TextFormat.format(this, ProxyOptions.Params.INLINE);
    }
}
