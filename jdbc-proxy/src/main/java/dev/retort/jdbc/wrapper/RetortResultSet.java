package dev.retort.jdbc.wrapper;

import dev.retort.jdbc.log.StatementRecord;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Wraps a result set, counts the rows {@code next()} moves to, and completes its query's record when it
 * closes (or its statement runs again or closes). Used by one thread at a time.
 */
public final class RetortResultSet extends ResultSetDelegate {

    /** {@code null} for result sets of DatabaseMetaData, as JDBC specifies for getStatement(). */
    private final RetortStatement statement;
    private StatementRecord record;
    private long fetched;

    RetortResultSet(RetortStatement statement, ResultSet delegate, StatementRecord record) {
        super(delegate);
        this.statement = statement;
        this.record = record;
    }

    @Override
    public boolean next() throws SQLException {
        boolean moved = resultSetDelegate.next();
        if (moved) {
            fetched++;
        }
        return moved;
    }

    @Override
    public void close() throws SQLException {
        finishRecord();
        resultSetDelegate.close();
    }

    void finishRecord() {
        if (record != null) {
            StatementRecord finished = record;
            record = null;
            finished.rows(fetched);
            statement.connection.log.emit(finished);
        }
    }

    @Override
    public Statement getStatement() {
        return statement;
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return Unwrapping.unwrap(this, resultSetDelegate, type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return Unwrapping.isWrapperFor(this, resultSetDelegate, type);
    }

    @Override
    public String toString() {
        return "RetortResultSet wrapping " + resultSetDelegate;
    }
}
