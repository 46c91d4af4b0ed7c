package dev.retort.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The prepared queries of one transaction's connection, kept for the next run of the same SQL (a session
 * runs the same {@code get} or collection load many times, as hand-written JDBC keeps its statements) and
 * closed before the connection goes back to the pool. At most {@value #SIZE}, least recently used first out.
 * Not thread-safe, as its session.
 */
public final class StatementCache {
    static final int SIZE = 32;

    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() > SIZE) {
                closeQuietly(eldest.getValue());
                return true;
            }
            return false;
        }
    };

    /** The statement for {@code sql} on {@code connection}, prepared on first use. */
    PreparedStatement get(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** Forgets and closes the statement of {@code sql} (it failed: its state is not to be trusted). */
    void discard(String sql) {
        PreparedStatement statement = statements.remove(sql);
        if (statement != null) {
            closeQuietly(statement);
        }
    }

    /** Closes every statement: its connection is about to go back to the pool. */
    void closeAll() {
        statements.values().forEach(StatementCache::closeQuietly);
        statements.clear();
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // The connection is being given back or was lost; the pool deals with it.
        }
    }
}
