package dev.retort.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import dev.retort.DatabaseException;
import dev.retort.DatabaseUnavailableException;
import dev.retort.InvalidRequestException;
import dev.retort.Isolation;
import dev.retort.engine.SqlLog;
import dev.retort.session.state.Frame;

/**
 * The JDBC side of a session's transactions: its one connection while a transaction is active, and the
 * stack of frames (the outer transaction, then one per SAVEPOINT). Knows nothing of objects; the
 * session restores memory around these calls. Not thread-safe.
 */
public final class TransactionStack {
    private final SessionContext context;
    private final Isolation isolation;
    private final TransactionMode mode;
    private final SqlLog log;
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    /** The number of the last frame begun in this session (see {@link Frame}). */
    private int frameSerial;
    private Connection connection;
    /** Queries prepared on {@link #connection}, closed before it is given back. */
    private final StatementCache statements = new StatementCache();

    TransactionStack(SessionContext context, Isolation isolation, TransactionMode mode) {
        this.context = context;
        this.isolation = isolation;
        this.mode = mode;
        this.log = context.engine().sqlLog();
    }

    boolean active() {
        return connection != null;
    }

    /** The connection of the current transaction, opening it (and the outer frame) if none is active. */
    Connection connection(boolean explicit) {
        if (connection == null) {
            Connection opened = mode.connect(context.engine());
            try {
                if (isolation != null) {
                    opened.setTransactionIsolation(isolation.jdbcLevel());
                }
                if (mode.ownsTransaction()) {
                    opened.setAutoCommit(false);
                }
            } catch (SQLException e) {
                closeQuietly(opened);
                if (context.dialect().isConnectionFatal(e)) {
                    throw new DatabaseUnavailableException("Cannot begin a transaction on " + context.engine().location()
                            + ": the connection was lost (" + e.getMessage() + "). Nothing was written. To fix this, run the "
                            + "unit of work again once the database is reachable; retrying is safe.", e);
                }
                throw new DatabaseException("Cannot begin a transaction on " + context.engine().location() + ": "
                        + e.getMessage(), e);
            }
            connection = opened;
            frames.push(new Frame(null, nextFrameSerial()));
            log.event(mode.beginEvent(explicit));
        }
        return connection;
    }

    /** The next frame's number: unique in the session (wrapping past 2^32 frames, skipping 0). */
    private int nextFrameSerial() {
        if (++frameSerial == 0) {
            frameSerial = 1;
        }
        return frameSerial;
    }

    Frame current() {
        return frames.peek();
    }

    boolean contains(Frame frame) {
        return frames.contains(frame);
    }

    Frame pushSavepoint() {
        try {
            Frame frame = new Frame(connection(false).setSavepoint(), nextFrameSerial());
            frames.push(frame);
            log.event("SAVEPOINT");
            return frame;
        } catch (SQLException e) {
            throw new DatabaseException("Cannot begin a nested transaction (SAVEPOINT) on " + context.dialect().displayName()
                    + ": " + e.getMessage(), e);
        }
    }

    /** Releases the innermost savepoint; its undo records go to the frame below. */
    void releaseSavepoint(Frame frame) {
        requireTop(frame);
        try {
            connection.releaseSavepoint(frame.savepoint);
            log.event("RELEASE SAVEPOINT");
        } catch (SQLException e) {
            throw new DatabaseException("RELEASE SAVEPOINT failed: " + e.getMessage(), e);
        }
        frames.pop();
        frame.handTo(frames.peek());
    }

    /** Rolls the database back to the frame's savepoint; the frame stays on the stack. */
    void rollbackTo(Frame frame) {
        try {
            connection.rollback(frame.savepoint);
            log.event("ROLLBACK TO SAVEPOINT");
        } catch (SQLException e) {
            throw new DatabaseException("ROLLBACK TO SAVEPOINT failed: " + e.getMessage(), e);
        }
    }

    void remove(Frame frame) {
        frames.remove(frame);
    }

    void requireTop(Frame frame) {
        if (frames.peek() != frame) {
            throw new InvalidRequestException("This nested transaction is not the innermost one. To fix this, "
                    + "commit or roll back the nested transactions begun inside it first.");
        }
    }

    /** Releases open savepoints and commits. */
    void commit() throws SQLException {
        while (frames.size() > 1) {
            connection.releaseSavepoint(frames.pop().savepoint);
        }
        connection.commit();
        log.event("COMMIT");
        mode.committed(context.engine(), connection);
    }

    /** Rolls the whole transaction back where the session owns it; failures only get logged (the connection is discarded). */
    void rollback() {
        if (connection == null || !mode.ownsTransaction()) {
            return;
        }
        try {
            connection.rollback();
            log.event("ROLLBACK");
        } catch (SQLException e) {
            log.event("ROLLBACK failed: " + e.getMessage());
        }
    }

    /** Every frame, innermost first, and forgets them. */
    List<Frame> popAll() {
        List<Frame> popped = new ArrayList<>(frames);
        frames.clear();
        return popped;
    }

    /** A statement for the query {@code sql} on the transaction's connection, reused by later runs of the same SQL. */
    PreparedStatement reusable(String sql) throws SQLException {
        return statements.get(connection(false), sql);
    }

    /** Closes the reusable statement of {@code sql}, which failed. */
    void discard(String sql) {
        statements.discard(sql);
    }

    /** Returns the connection to the pool but keeps the frames (a joined transaction is completing). */
    void closeConnection() {
        Connection closed = connection;
        connection = null;
        statements.closeAll();
        if (closed != null) {
            closeQuietly(closed);
        }
    }

    /** Returns the connection to the pool. */
    void release() {
        Connection released = connection;
        connection = null;
        frames.clear();
        statements.closeAll();
        if (released != null) {
            if (mode.ownsTransaction()) {
                try {
                    released.setAutoCommit(true);
                } catch (SQLException e) {
                    // Returned to the pool anyway; the pool validates it.
                }
            }
            closeQuietly(released);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing to save: the pool discards a broken connection.
        }
    }
}
