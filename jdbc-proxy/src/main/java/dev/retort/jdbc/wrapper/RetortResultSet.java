package dev.retort.jdbc.wrapper;

import dev.retort.jdbc.log.StatementRecord;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Wraps a result set, counts the rows {@code next()} moves to, and completes its query's record when it
 * closes (or its statement runs again or closes). Dates and times the driver cannot parse from ISO text are
 * read from that text ({@link IsoTemporal}). Used by one thread at a time.
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
    public java.sql.Date getDate(int column) throws SQLException {
        try {
            return resultSetDelegate.getDate(column);
        } catch (SQLException driverFailed) {
            return IsoTemporal.date(resultSetDelegate.getString(column), null, driverFailed);
        }
    }

    @Override
    public java.sql.Date getDate(int column, java.util.Calendar calendar) throws SQLException {
        try {
            return resultSetDelegate.getDate(column, calendar);
        } catch (SQLException driverFailed) {
            return IsoTemporal.date(resultSetDelegate.getString(column), calendar, driverFailed);
        }
    }

    @Override
    public java.sql.Date getDate(String label) throws SQLException {
        try {
            return resultSetDelegate.getDate(label);
        } catch (SQLException driverFailed) {
            return IsoTemporal.date(resultSetDelegate.getString(label), null, driverFailed);
        }
    }

    @Override
    public java.sql.Date getDate(String label, java.util.Calendar calendar) throws SQLException {
        try {
            return resultSetDelegate.getDate(label, calendar);
        } catch (SQLException driverFailed) {
            return IsoTemporal.date(resultSetDelegate.getString(label), calendar, driverFailed);
        }
    }

    @Override
    public java.sql.Time getTime(int column) throws SQLException {
        try {
            return resultSetDelegate.getTime(column);
        } catch (SQLException driverFailed) {
            return IsoTemporal.time(resultSetDelegate.getString(column), null, driverFailed);
        }
    }

    @Override
    public java.sql.Time getTime(int column, java.util.Calendar calendar) throws SQLException {
        try {
            return resultSetDelegate.getTime(column, calendar);
        } catch (SQLException driverFailed) {
            return IsoTemporal.time(resultSetDelegate.getString(column), calendar, driverFailed);
        }
    }

    @Override
    public java.sql.Time getTime(String label) throws SQLException {
        try {
            return resultSetDelegate.getTime(label);
        } catch (SQLException driverFailed) {
            return IsoTemporal.time(resultSetDelegate.getString(label), null, driverFailed);
        }
    }

    @Override
    public java.sql.Time getTime(String label, java.util.Calendar calendar) throws SQLException {
        try {
            return resultSetDelegate.getTime(label, calendar);
        } catch (SQLException driverFailed) {
            return IsoTemporal.time(resultSetDelegate.getString(label), calendar, driverFailed);
        }
    }

    @Override
    public java.sql.Timestamp getTimestamp(int column) throws SQLException {
        try {
            return resultSetDelegate.getTimestamp(column);
        } catch (SQLException driverFailed) {
            return IsoTemporal.timestamp(resultSetDelegate.getString(column), null, driverFailed);
        }
    }

    @Override
    public java.sql.Timestamp getTimestamp(int column, java.util.Calendar calendar) throws SQLException {
        try {
            return resultSetDelegate.getTimestamp(column, calendar);
        } catch (SQLException driverFailed) {
            return IsoTemporal.timestamp(resultSetDelegate.getString(column), calendar, driverFailed);
        }
    }

    @Override
    public java.sql.Timestamp getTimestamp(String label) throws SQLException {
        try {
            return resultSetDelegate.getTimestamp(label);
        } catch (SQLException driverFailed) {
            return IsoTemporal.timestamp(resultSetDelegate.getString(label), null, driverFailed);
        }
    }

    @Override
    public java.sql.Timestamp getTimestamp(String label, java.util.Calendar calendar) throws SQLException {
        try {
            return resultSetDelegate.getTimestamp(label, calendar);
        } catch (SQLException driverFailed) {
            return IsoTemporal.timestamp(resultSetDelegate.getString(label), calendar, driverFailed);
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
