package dev.retort.jdbc.wrapper;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Wraps the driver's metadata so that {@code getConnection()} and the metadata result sets lead back to
 * the proxy's wrappers. While translating, the product name and version are those of the source database
 * (MySQL 8.0, PostgreSQL 15.0), with the real database named in the version text: a framework that picks
 * its dialect from the metadata then writes the SQL the proxy translates. Thread-safety is the driver's.
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
    public String getDatabaseProductName() throws SQLException {
        String source = connection.translationSource();
        if (source == null) {
            return metaDataDelegate.getDatabaseProductName();
        }
        return source.equals("postgresql") ? "PostgreSQL" : "MySQL";
    }

    @Override
    public String getDatabaseProductVersion() throws SQLException {
        if (connection.translationSource() == null) {
            return metaDataDelegate.getDatabaseProductVersion();
        }
        return getDatabaseMajorVersion() + "." + getDatabaseMinorVersion() + " (translated by the Retort proxy for "
                + metaDataDelegate.getDatabaseProductName() + " " + metaDataDelegate.getDatabaseProductVersion() + ")";
    }

    @Override
    public int getDatabaseMajorVersion() throws SQLException {
        String source = connection.translationSource();
        if (source == null) {
            return metaDataDelegate.getDatabaseMajorVersion();
        }
        return source.equals("postgresql") ? 15 : 8;
    }

    @Override
    public int getDatabaseMinorVersion() throws SQLException {
        return connection.translationSource() == null ? metaDataDelegate.getDatabaseMinorVersion() : 0;
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
