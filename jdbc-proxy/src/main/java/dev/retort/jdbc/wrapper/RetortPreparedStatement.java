package dev.retort.jdbc.wrapper;

import dev.retort.jdbc.SqlEvent.Kind;
import dev.retort.jdbc.log.BoundValues;
import dev.retort.jdbc.log.StatementRecord;
import dev.retort.jdbc.translate.TranslatedSql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a prepared statement. The generated setters copy each bound value only while logging is on;
 * the execute methods are hand-written and final. Used by one thread at a time.
 */
public class RetortPreparedStatement extends PreparedStatementDelegate {

    /** Created on the first bound value, and only while logging. */
    private BoundValues values;
    private List<BoundValues> batchValues;

    RetortPreparedStatement(RetortConnection connection, PreparedStatement delegate, String sql,
                            TranslatedSql translated) {
        super(connection, delegate, sql, translated);
    }

    @Override
    final void bind(int index, Object value) {
        values().set(index, value);
    }

    @Override
    final void bind(String name, Object value) {
        values().set(name, value);
    }

    private BoundValues values() {
        if (values == null) {
            values = new BoundValues();
        }
        return values;
    }

    private List<BoundValues> currentValues() {
        return values == null ? List.of() : List.of(values.snapshot());
    }

    @Override
    public final void clearParameters() throws SQLException {
        preparedDelegate.clearParameters();
        if (values != null) {
            values.clear();
        }
    }

    @Override
    public final ResultSet executeQuery() throws SQLException {
        finishResults();
        if (!logging) {
            return result(ran(preparedDelegate.executeQuery()), null);
        }
        StatementRecord record = start(Kind.QUERY, sql, sentSql, currentValues());
        try {
            ResultSet resultSet = ran(preparedDelegate.executeQuery());
            record.executed();
            return result(resultSet, record);
        } catch (SQLException e) {
            throw connection.log.failed(record, e);
        }
    }

    @Override
    public final int executeUpdate() throws SQLException {
        finishResults();
        if (!logging) {
            return ran(preparedDelegate.executeUpdate());
        }
        StatementRecord record = start(Kind.UPDATE, sql, sentSql, currentValues());
        try {
            return (int) updated(record, ran(preparedDelegate.executeUpdate()));
        } catch (SQLException e) {
            throw connection.log.failed(record, e);
        }
    }

    @Override
    public final long executeLargeUpdate() throws SQLException {
        finishResults();
        if (!logging) {
            return ran(preparedDelegate.executeLargeUpdate());
        }
        StatementRecord record = start(Kind.UPDATE, sql, sentSql, currentValues());
        try {
            return updated(record, ran(preparedDelegate.executeLargeUpdate()));
        } catch (SQLException e) {
            throw connection.log.failed(record, e);
        }
    }

    @Override
    public final boolean execute() throws SQLException {
        finishResults();
        if (!logging) {
            return ran(preparedDelegate.execute());
        }
        StatementRecord record = start(Kind.QUERY, sql, sentSql, currentValues());
        try {
            return executed(record, ran(preparedDelegate.execute()));
        } catch (SQLException e) {
            throw connection.log.failed(record, e);
        }
    }

    @Override
    public final void addBatch() throws SQLException {
        preparedDelegate.addBatch();
        if (logging) {
            if (batchValues == null) {
                batchValues = new ArrayList<>();
            }
            batchValues.add(values == null ? new BoundValues() : values.snapshot());
        }
    }

    @Override
    final StatementRecord startBatch() {
        List<BoundValues> sets = batchValues == null ? List.of() : batchValues;
        return connection.log.start(connection.id, Kind.BATCH, sql, sentSql, sets, sets.size());
    }

    @Override
    final void clearBatchRecording() {
        batchValues = null;
    }
}
