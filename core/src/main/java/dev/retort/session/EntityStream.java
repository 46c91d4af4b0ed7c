package dev.retort.session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.retort.DatabaseException;
import dev.retort.sql.CompiledStatement;

/**
 * The rows of one query read lazily through an open cursor: each row becomes the identity map's instance
 * as the stream pulls it. The drivers fetch {@link #FETCH_SIZE} rows per round trip (PostgreSQL streams
 * only inside a transaction, which a session always has). Closing the stream closes the cursor.
 */
final class EntityStream {
    static final int FETCH_SIZE = 500;

    private final SessionImpl session;
    private final Loader loader;
    private final EntityPersister persister;
    private final CompiledStatement compiled;
    private final Statements statements;
    private final LoadPlan plan;
    private final RowReader reader;

    /** Turns the row under the cursor into the session's instance for it (rows of several classes). */
    interface RowReader {
        Object read(ResultSet resultSet) throws SQLException;
    }

    /** A stream of the persister's rows, hydrated a batch at a time so that related objects load per batch. */
    EntityStream(SessionImpl session, Loader loader, EntityPersister persister, CompiledStatement compiled, LoadPlan plan) {
        this(session, loader, persister, compiled, plan, null);
    }

    /** A stream whose rows {@code reader} reads one at a time (polymorphic rows). */
    EntityStream(SessionImpl session, Loader loader, EntityPersister persister, CompiledStatement compiled, RowReader reader) {
        this(session, loader, persister, compiled, LoadPlan.DEFAULT, reader);
    }

    private EntityStream(SessionImpl session, Loader loader, EntityPersister persister, CompiledStatement compiled,
                         LoadPlan plan, RowReader reader) {
        this.session = session;
        this.loader = loader;
        this.persister = persister;
        this.compiled = compiled;
        this.statements = new Statements(session);
        this.plan = plan;
        this.reader = reader;
    }

    Stream<Object> open() {
        PreparedStatement statement = null;
        try {
            statement = statements.prepare(session.connection(), compiled);
            statement.setFetchSize(FETCH_SIZE);
            persister.bind(statement, compiled, new Object[0]);
            statements.logQuery(compiled, new Object[0]);
            ResultSet resultSet = statement.executeQuery();
            PreparedStatement opened = statement;
            return StreamSupport.stream(new Rows(resultSet), false).onClose(() -> close(resultSet, opened));
        } catch (SQLException e) {
            closeQuietly(statement);
            throw statements.queryFailed(compiled, e);
        }
    }

    private void close(ResultSet resultSet, PreparedStatement statement) {
        try (statement; resultSet) {
            // closes both, the result set first
        } catch (SQLException e) {
            throw new DatabaseException("Closing the cursor of a streamed query failed: " + e.getMessage()
                    + " [SQL: " + compiled.sql() + "]", e);
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // the original failure is the one to report
            }
        }
    }

    /** Reads {@link #FETCH_SIZE} rows at a time and hydrates them together, so related objects load per batch. */
    private final class Rows extends Spliterators.AbstractSpliterator<Object> {
        private final ResultSet resultSet;
        private final java.util.ArrayDeque<Object> ready = new java.util.ArrayDeque<>();
        private boolean exhausted;

        Rows(ResultSet resultSet) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.resultSet = resultSet;
        }

        @Override
        public boolean tryAdvance(Consumer<? super Object> action) {
            session.checkUsable();
            if (reader != null) {
                try {
                    if (!resultSet.next()) {
                        return false;
                    }
                    action.accept(reader.read(resultSet));
                    return true;
                } catch (SQLException e) {
                    throw statements.queryFailed(compiled, e);
                }
            }
            if (ready.isEmpty() && !exhausted) {
                java.util.List<Object[]> rows = new java.util.ArrayList<>();
                try {
                    while (rows.size() < FETCH_SIZE && resultSet.next()) {
                        rows.add(persister.readRow(resultSet, 0));
                    }
                } catch (SQLException e) {
                    throw statements.queryFailed(compiled, e);
                }
                exhausted = rows.size() < FETCH_SIZE;
                ready.addAll(loader.hydrateAll(persister, rows, plan));
            }
            if (ready.isEmpty()) {
                return false;
            }
            action.accept(ready.poll());
            return true;
        }
    }
}
