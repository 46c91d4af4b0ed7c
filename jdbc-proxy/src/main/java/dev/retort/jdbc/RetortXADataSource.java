package dev.retort.jdbc;

import dev.retort.jdbc.log.SqlLog;
import dev.retort.jdbc.wrapper.RetortXAConnection;

import javax.sql.XAConnection;
import javax.sql.XADataSource;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * Wraps a driver's {@link XADataSource} for JTA pools (Agroal with Narayana): the XA resources stay the
 * driver's, the connections the application uses are the proxy's. Two-phase commit goes through the
 * XAResource and so is not logged as COMMIT. Thread-safe as far as the wrapped XADataSource is.
 */
public final class RetortXADataSource implements XADataSource {

    private final XADataSource delegate;
    private final SqlLog log;
    private final String source;

    /** With options from system properties and {@code retort-jdbc.properties}. */
    public RetortXADataSource(XADataSource delegate) {
        this(delegate, ProxyOptions.load());
    }

    public RetortXADataSource(XADataSource delegate, ProxyOptions options) {
        this.delegate = delegate;
        this.log = new SqlLog(options);
        this.source = "from XA " + delegate.getClass().getName();
    }

    @Override
    public XAConnection getXAConnection() throws SQLException {
        return new RetortXAConnection(delegate.getXAConnection(), log, source);
    }

    @Override
    public XAConnection getXAConnection(String user, String password) throws SQLException {
        return new RetortXAConnection(delegate.getXAConnection(user, password), log, source);
    }

    /** The XADataSource this one wraps (XADataSource is not a java.sql.Wrapper). */
    public XADataSource delegate() {
        return delegate;
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
}
