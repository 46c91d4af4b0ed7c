package dev.retort.jdbc.wrapper;

import dev.retort.jdbc.log.SqlLog;

import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.StatementEventListener;
import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wraps a driver's XA connection: each logical connection handed to the pool is a proxy connection,
 * the XAResource stays the driver's (the transaction manager talks to it directly), and connection
 * events name this wrapper as their source so the pool recognises its own object. Thread-safe as far as
 * the driver's XAConnection is.
 */
public final class RetortXAConnection implements XAConnection {

    private final XAConnection delegate;
    private final SqlLog log;
    private final String source;
    private final Map<ConnectionEventListener, ConnectionEventListener> listeners = new ConcurrentHashMap<>();

    public RetortXAConnection(XAConnection delegate, SqlLog log, String source) {
        this.delegate = delegate;
        this.log = log;
        this.source = source;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return RetortConnection.wrap(delegate.getConnection(), log, source);
    }

    @Override
    public XAResource getXAResource() throws SQLException {
        return delegate.getXAResource();
    }

    @Override
    public void close() throws SQLException {
        delegate.close();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        ConnectionEventListener resourced = listeners.computeIfAbsent(listener, this::resourced);
        delegate.addConnectionEventListener(resourced);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        ConnectionEventListener resourced = listeners.remove(listener);
        if (resourced != null) {
            delegate.removeConnectionEventListener(resourced);
        }
    }

    private ConnectionEventListener resourced(ConnectionEventListener listener) {
        RetortXAConnection self = this;
        return new ConnectionEventListener() {
            @Override
            public void connectionClosed(ConnectionEvent event) {
                listener.connectionClosed(new ConnectionEvent(self, event.getSQLException()));
            }

            @Override
            public void connectionErrorOccurred(ConnectionEvent event) {
                listener.connectionErrorOccurred(new ConnectionEvent(self, event.getSQLException()));
            }
        };
    }

    /** Statement events carry the driver's statements; they are about statement pooling inside the driver. */
    @Override
    public void addStatementEventListener(StatementEventListener listener) {
        delegate.addStatementEventListener(listener);
    }

    @Override
    public void removeStatementEventListener(StatementEventListener listener) {
        delegate.removeStatementEventListener(listener);
    }
}
