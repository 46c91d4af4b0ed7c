package dev.retort.jdbc.wrapper;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Wraps the driver's metadata so that {@code getConnection()} and the metadata result sets lead back to
 * the proxy's wrappers. Thread-safety is the driver's.
 */
public final class RetortDatabaseMetaData extends DatabaseMetaDataDelegate {

    private final RetortConnection connection;

    RetortDatabaseMetaData(RetortConnection connection, DatabaseMetaData delegate) {
        super(delegate);
        this.connection = connection;
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    ResultSet wrapResultSet(ResultSet resultSet) {
        return resultSet == null ? null : new RetortResultSet(null, resultSet, null);
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return Unwrapping.unwrap(this, metaDataDelegate, type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return Unwrapping.isWrapperFor(this, metaDataDelegate, type);
    }
}
