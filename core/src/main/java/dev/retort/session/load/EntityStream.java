package dev.retort.session.load;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.retort.DatabaseException;
import dev.retort.session.SessionImpl;
import dev.retort.session.Statements;
import dev.retort.session.persister.EntityPersister;
import dev.retort.sql.CompiledStatement;

/**
 * The rows of one query read lazily through an open cursor, a batch of rows at a time: each batch is
 * turned into the session's instances together (so related objects load per batch), and the objects a
 * batch brought into the session leave it when the stream reads the next batch or closes (see
 * {@link StreamBatch}), so that a stream holds one batch of objects however many rows it reads. The
 * driver is asked for a batch of rows per round trip (PostgreSQL streams only inside a transaction,
 * which a session always has). Closing the stream closes the cursor.
 */
public final class EntityStream {
    /** Rows per batch and per fetch unless the query says {@code yieldPer(rows)}. */
    public static final int DEFAULT_BATCH_SIZE = 500;
    private static final Object[] NO_VALUES = new Object[0];

    private final SessionImpl session;
    private final Loader loader;
    private final EntityPersister persister;
    private final List<Source> sources;
    private final Statements statements;
    private final LoadPlan plan;
    private final int batchSize;
    private final long limit;

    /** Turns the row under the cursor into the session's instance for it (rows of several classes). */
    interface RowReader {
        Object read(ResultSet resultSet) throws SQLException;
    }

    /** One SELECT of the stream, and how its rows become objects: by {@code reader}, or when null as a batch of the persister's rows. */
    record Source(CompiledStatement compiled, RowReader reader) {
    }

    /** A stream of the persister's rows, hydrated a batch at a time so that related objects load per batch. */
    public EntityStream(SessionImpl session, Loader loader, EntityPersister persister, CompiledStatement compiled, LoadPlan plan,
                 int batchSize) {
        this(session, loader, persister, List.of(new Source(compiled, null)), plan, batchSize, Long.MAX_VALUE);
    }

    /**
     * A stream over the rows of {@code sources} in turn, each read by its reader (polymorphic rows), at
     * most {@code limit} in all (the SELECTs of a TABLE_PER_CLASS hierarchy each have the query's limit).
     */
    public EntityStream(SessionImpl session, Loader loader, EntityPersister persister, List<Source> sources, int batchSize, long limit) {
        this(session, loader, persister, sources, LoadPlan.DEFAULT, batchSize, limit);
    }

    private EntityStream(SessionImpl session, Loader loader, EntityPersister persister, List<Source> sources, LoadPlan plan,
                         int batchSize, long limit) {
        this.session = session;
        this.loader = loader;
        this.persister = persister;
        this.sources = sources;
        this.statements = new Statements(session);
        this.plan = plan;
        this.batchSize = batchSize;
        this.limit = limit;
    }

    /** Runs the (first) SELECT now, so that a failing query fails here rather than on the first read. */
    public Stream<Object> open() {
        Rows rows = new Rows();
        rows.openNextSource();
        return StreamSupport.stream(rows, false).onClose(rows::close);
    }

    /** An open cursor and the source it reads. */
    private record Cursor(Source source, PreparedStatement statement, ResultSet resultSet) {
    }

    private final class Rows extends Spliterators.AbstractSpliterator<Object> {
        private final StreamBatch batch = new StreamBatch(session);
        private List<Object> ready = List.of();
        private int next;
        private int nextSource;
        private long remaining = limit;
        private Cursor cursor;
        private boolean exhausted;

        Rows() {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        }

        @Override
        public boolean tryAdvance(Consumer<? super Object> action) {
            session.checkUsable();
            if (next == ready.size() && !readBatch()) {
                return false;
            }
            action.accept(ready.get(next++));
            return true;
        }

        /** Never split: a session is not thread-safe, and a split would read batches ahead of their use. */
        @Override
        public Spliterator<Object> trySplit() {
            return null;
        }

        /** Lets the previous batch's objects go, then reads and hydrates the next batch; false at the end. */
        private boolean readBatch() {
            batch.release();
            ready = List.of();
            next = 0;
            if (exhausted) {
                return false;
            }
            StreamBatch outer = session.recordLoadsInto(batch);
            try {
                ready = sources.get(0).reader() == null ? hydratedRows() : readRows();
            } catch (SQLException e) {
                throw statements.queryFailed(cursor.source().compiled(), e);
            } finally {
                session.recordLoadsInto(outer);
            }
            return !ready.isEmpty();
        }

        private List<Object> hydratedRows() throws SQLException {
            List<Object[]> rows = new ArrayList<>(batchSize);
            while (rows.size() < batchSize && nextRow()) {
                rows.add(persister.readRow(cursor.resultSet(), 0));
            }
            return loader.hydrateAll(persister, rows, plan);
        }

        private List<Object> readRows() throws SQLException {
            List<Object> instances = new ArrayList<>(batchSize);
            while (instances.size() < batchSize && nextRow()) {
                instances.add(cursor.source().reader().read(cursor.resultSet()));
            }
            return instances;
        }

        /** Moves to the next row, through the sources in turn; false (and exhausted) after the last. */
        private boolean nextRow() throws SQLException {
            while (remaining > 0 && cursor != null) {
                if (cursor.resultSet().next()) {
                    statements.read(1);
                    remaining--;
                    return true;
                }
                if (nextSource == sources.size()) {
                    break;
                }
                closeCursor();
                openNextSource();
            }
            exhausted = true;
            return false;
        }

        void openNextSource() {
            Source source = sources.get(nextSource++);
            PreparedStatement statement = null;
            try {
                statement = statements.prepare(session.connection(), source.compiled());
                statement.setFetchSize(batchSize);
                persister.bind(statement, source.compiled(), NO_VALUES);
                statements.logQuery(source.compiled(), NO_VALUES);
                long started = statements.started();
                cursor = new Cursor(source, statement, statement.executeQuery());
                statements.executed(source.compiled(), started);
            } catch (SQLException e) {
                closeQuietly(statement);
                throw statements.queryFailed(source.compiled(), e);
            }
        }

        /** The stream is closed: its last batch's objects leave the session, and the cursor closes. */
        void close() {
            try {
                batch.release();
            } finally {
                closeCursor();
            }
        }

        private void closeCursor() {
            if (cursor == null) {
                return;
            }
            Cursor closing = cursor;
            cursor = null;
            try (PreparedStatement statement = closing.statement(); ResultSet resultSet = closing.resultSet()) {
                // closes both, the result set first
            } catch (SQLException e) {
                throw new DatabaseException("Closing the cursor of a streamed query failed: " + e.getMessage()
                        + " [SQL: " + closing.source().compiled().sql() + "]", e);
            }
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
}
