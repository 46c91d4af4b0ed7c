package dev.retort.jdbc;

import dev.retort.jdbc.log.SqlLog;
import dev.retort.jdbc.wrapper.RetortConnection;
import dev.retort.jdbc.wrapper.Unwrapping;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * Wraps any {@link DataSource} (a pool such as HikariCP or Agroal, or a driver's own) so that every
 * connection it hands out goes through the proxy. Thread-safe as far as the wrapped DataSource is.
 */
public final class RetortDataSource implements DataSource {

    private final DataSource delegate;
    private final SqlLog log;
    private final String source;

    /** With options from system properties and {@code retort-jdbc.properties}. */
    public RetortDataSource(DataSource delegate) {
        this(delegate, ProxyOptions.load());
    }

    public RetortDataSource(DataSource delegate, ProxyOptions options) {
        this.delegate = delegate;
        this.log = new SqlLog(options);
        this.source = "from " + delegate.getClass().getName();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return RetortConnection.wrap(delegate.getConnection(), log, source);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return RetortConnection.wrap(delegate.getConnection(username, password), log, source);
    }

    /** The options this DataSource's connections use. */
    public ProxyOptions options() {
        return log.options();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return Unwrapping.unwrap(this, delegate, type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return Unwrapping.isWrapperFor(this, delegate, type);
    }

    @Override
    public String toString() {
        return "RetortDataSource wrapping " + delegate;
    }
}
