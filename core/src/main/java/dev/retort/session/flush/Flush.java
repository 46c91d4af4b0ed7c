package dev.retort.session.flush;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.retort.DatabaseException;
import dev.retort.RetortException;
import dev.retort.StaleObjectException;
import dev.retort.mapping.IdGeneration;
import dev.retort.session.FailureScope;
import dev.retort.session.SessionContext;
import dev.retort.session.SessionImpl;
import dev.retort.session.Statements;
import dev.retort.session.persister.EntityPersister;
import dev.retort.session.persister.Ids;
import dev.retort.session.state.EntityEntry;
import dev.retort.session.state.Frame;
import dev.retort.session.state.Relations;
import dev.retort.sql.CompiledStatement;

/**
 * One flush, SQLAlchemy's unit of work: lets {@link Relations} do the relationship bookkeeping (cascades,
 * collection changes, join-table rows), asks {@link FlushPlan} what to write in which order, and runs the
 * plan over JDBC: rows grouped per table and statement shape as JDBC batches, generated keys read back,
 * each UPDATE and DELETE required to match its row (its {@code @Version}), the post-updates that complete
 * rows inserted with a null foreign key, join-table rows after both sides. Memory is changed as rows are
 * written, each first change recorded in the current frame so that a rollback restores it; any failure
 * rolls the frame back in the database and in memory.
 */
public final class Flush {
    private final SessionImpl session;
    private final SessionContext context;
    private final Statements statements;
    /** Rows per executeBatch (the engine's statement-batch-size). */
    private final int batchSize;

    public Flush(SessionImpl session, SessionContext context) {
        this.session = session;
        this.context = context;
        this.statements = Statements.forFlush(session);
        this.batchSize = context.engine().statementBatchSize();
    }

    public void run() {
        List<Relations.Link> links = context.hasRelationships() ? new Relations(session, context).prepare() : List.of();
        FlushPlan plan = FlushPlan.of(session.persistenceContext(), context.flushOrder());
        if (plan.isEmpty() && links.isEmpty()) {
            return;
        }
        session.beforeWriting("flush changes");
        boolean relationships = context.hasRelationships();
        List<EntityEntry> deleted = new ArrayList<>();
        if (relationships) {
            plan.deletes().forEach(delete -> deleted.addAll(delete.entries()));
        }
        Connection connection = session.connection();
        Frame frame = session.currentFrame();
        frame.expectChanges(plan.objectCount());
        try {
            for (FlushPlan.Write write : plan.writes()) {
                if (write instanceof FlushPlan.Insert insert) {
                    insert(connection, frame, insert.persister(), insert.entries(), plan);
                } else {
                    FlushPlan.Update update = (FlushPlan.Update) write;
                    update(connection, frame, update.persister(), update.columns(), update.changes());
                }
            }
            Set<EntityEntry> postUpdates = plan.postUpdates();
            if (!postUpdates.isEmpty()) {
                // Rows inserted with a null foreign key to break a cycle now get it (SQLAlchemy's post_update).
                Map<EntityPersister, Map<BitSet, List<FlushPlan.Change>>> second = new LinkedHashMap<>();
                postUpdates.forEach(entry -> FlushPlan.collectChange(entry, second));
                second.forEach((persister, groups) -> groups.forEach((columns, changes) ->
                        update(connection, frame, persister, columns, changes)));
            }
            if (relationships) {
                JoinRows joinRows = new JoinRows(context, statements, this::scope);
                joinRows.deleteLinks(connection, links, deleted);
                joinRows.insertLinks(connection, links);
            }
            for (FlushPlan.Delete delete : plan.deletes()) {
                delete(connection, frame, delete.persister(), delete.entries());
            }
        } catch (RetortException e) {
            throw session.failed(frame, e);
        }
        session.persistenceContext().insertsDone();
        session.counters().flushes++;
        if (relationships) {
            Relations.remember(session.persistenceContext().entries());
            Relations.forgetRemoved(deleted, context);
        }
    }

    // ---- INSERT -------------------------------------------------------------------------------------

    /** Inserts one step's objects: ids from a sequence and first versions first, then the rows by statement shape. */
    private void insert(Connection connection, Frame frame, EntityPersister persister, List<EntityEntry> entries, FlushPlan plan) {
        session.persistenceContext().expectKeys(persister.keyType(), entries.size());
        List<EntityEntry> withId = new ArrayList<>(entries.size());
        List<EntityEntry> generating = new ArrayList<>();
        for (EntityEntry entry : entries) {
            frame.remember(entry);
            Object id = Ids.assigned(persister.attribute(0), persister.attribute(0).get(entry.instance()));
            if (id == null && persister.idGeneration() == IdGeneration.SEQUENCE) {
                persister.attribute(0).set(entry.instance(), Ids.coerce(persister.attribute(0), nextFromSequence(connection, persister),
                        () -> "sequence"));
                id = persister.attribute(0).get(entry.instance());
            }
            int version = persister.versionIndex();
            if (version >= 0 && persister.attribute(version).get(entry.instance()) == null) {
                persister.attribute(version).set(entry.instance(), Ids.coerce(persister.attribute(version), 0L, () -> "version"));
            }
            (id == null ? generating : withId).add(entry);
        }
        if (!withId.isEmpty()) {
            insertBatch(connection, persister, persister.insertWithId(), withId, false, plan);
        }
        if (!generating.isEmpty()) {
            insertBatch(connection, persister, persister.insertGeneratingId(), generating, true, plan);
        }
        if (!persister.joinedInserts().isEmpty()) {
            List<EntityEntry> all = new ArrayList<>(withId);
            all.addAll(generating);
            insertJoined(connection, persister, all, plan);
        }
    }

    /** The rows of JOINED subclass tables, once the root table's rows (and ids) are in. */
    private void insertJoined(Connection connection, EntityPersister persister, List<EntityEntry> entries, FlushPlan plan) {
        List<Write> writes = new ArrayList<>(entries.size());
        for (EntityEntry entry : entries) {
            Object[] values = insertValues(persister, entry, plan);
            writes.add(new Write(entry, values, persister.toStored(values, null), null));
        }
        for (CompiledStatement compiled : persister.joinedInserts()) {
            execute(connection, persister, compiled, "INSERT", writes, write -> { });
        }
    }

    /**
     * The field values to insert for an entry: a reference the plan deferred (its target's row is not
     * written yet: a cycle) is inserted as null and set by the post-update.
     */
    private static Object[] insertValues(EntityPersister persister, EntityEntry entry, FlushPlan plan) {
        Object[] fields = persister.read(entry.instance());
        BitSet deferred = plan.deferredReferences(entry);
        if (deferred != null) {
            for (int index = deferred.nextSetBit(0); index >= 0; index = deferred.nextSetBit(index + 1)) {
                fields[index] = null;
            }
        }
        return fields;
    }

    private long nextFromSequence(Connection connection, EntityPersister persister) {
        EntityPersister.SequenceBlock block = persister.sequenceBlock();
        Long next = block.take();
        while (next == null) {
            CompiledStatement compiled = persister.nextSequenceValue();
            long started = statements.started();
            try (PreparedStatement statement = statements.prepare(connection, compiled);
                 ResultSet resultSet = statement.executeQuery()) {
                statements.executed(compiled, started);
                statements.logQuery(compiled, null);
                resultSet.next();
                block.refill(resultSet.getLong(1));
            } catch (SQLException e) {
                throw statements.flushFailed(persister.entityName(), "sequence fetch", compiled, e, scope());
            }
            next = block.take();
        }
        return next;
    }

    /**
     * Inserts rows in JDBC batches. Generated keys come back per batch where the driver allows it, else per
     * row: through a RETURNING clause (SQLite), or the driver's generated keys.
     */
    private void insertBatch(Connection connection, EntityPersister persister, CompiledStatement compiled,
                             List<EntityEntry> entries, boolean generatedKeys, FlushPlan plan) {
        boolean batched = !generatedKeys || context.dialect().supportsBatchGeneratedKeys();
        boolean returning = generatedKeys && persister.insertReturnsKey();
        String keyColumn = persister.attribute(0).column().name();
        try (PreparedStatement statement = generatedKeys && !returning
                ? statements.prepareReturningKeys(connection, compiled, keyColumn) : statements.prepare(connection, compiled)) {
            List<Object[]> values = new ArrayList<>(Math.min(entries.size(), batchSize));
            for (int start = 0; start < entries.size(); start += batchSize) {
                int end = Math.min(entries.size(), start + batchSize);
                long started = statements.started();
                values.clear();
                for (int i = start; i < end; i++) {
                    Object[] fields = insertValues(persister, entries.get(i), plan);
                    values.add(fields);
                    persister.bind(statement, compiled, persister.toStored(fields, null));
                    if (batched) {
                        statement.addBatch();
                    } else if (returning) {
                        try (ResultSet keys = statement.executeQuery()) {
                            readKeys(keys, persister, entries, i, i + 1, values, start);
                        }
                    } else {
                        statement.executeUpdate();
                        try (ResultSet keys = statement.getGeneratedKeys()) {
                            readKeys(keys, persister, entries, i, i + 1, values, start);
                        }
                    }
                }
                statements.logRows(compiled, persister.toStored(values.get(0), null), end - start, batched);
                if (batched) {
                    statement.executeBatch();
                    statements.executed(compiled, started);
                    if (generatedKeys) {
                        try (ResultSet keys = statement.getGeneratedKeys()) {
                            readKeys(keys, persister, entries, start, end, values, start);
                        }
                    }
                }
                if (!batched) {
                    statements.executed(compiled, started, end - start);
                }
                for (int i = start; i < end; i++) {
                    becamePersistent(entries.get(i), values.get(i - start));
                }
            }
        } catch (SQLException e) {
            throw statements.flushFailed(persister.entityName(), "INSERT", compiled, e, scope());
        }
    }

    /** Gives entries {@code from..to} the ids read from {@code keys}, in order. */
    private static void readKeys(ResultSet keys, EntityPersister persister, List<EntityEntry> entries, int from, int to,
                                 List<Object[]> values, int valuesOffset) throws SQLException {
        int index = from;
        while (index < to && keys.next()) {
            Object id = persister.readId(keys, 1);
            persister.attribute(0).set(entries.get(index).instance(), id);
            values.get(index - valuesOffset)[0] = id;
            index++;
        }
        if (index != to) {
            throw new DatabaseException("The driver returned " + (index - from) + " generated keys for " + (to - from)
                    + " inserted " + persister.entityName() + " rows; Retort cannot tell which id belongs to which object.");
        }
    }

    private void becamePersistent(EntityEntry entry, Object[] values) {
        session.persistenceContext().inserted(entry, values);
        session.counters().entitiesInserted++;
    }

    // ---- UPDATE and DELETE --------------------------------------------------------------------------

    /** One row to update or delete: its entry, field values after the write, bound row and expected version. */
    private record Write(EntityEntry entry, Object[] values, Object[] row, Object expectedVersion) {
    }

    private void update(Connection connection, Frame frame, EntityPersister persister, BitSet changed,
                        List<FlushPlan.Change> changes) {
        int version = persister.versionIndex();
        List<Write> writes = new ArrayList<>(changes.size());
        for (FlushPlan.Change change : changes) {
            frame.remember(change.entry());
            Object expected = null;
            if (version >= 0) {
                expected = change.entry().snapshot()[version];
                change.values()[version] = Ids.coerce(persister.attribute(version), ((Number) expected).longValue() + 1,
                        () -> "version");
            }
            writes.add(new Write(change.entry(), change.values(), persister.toStored(change.values(), expected), expected));
        }
        java.util.function.Consumer<Write> written = write -> {
            if (version >= 0) {
                persister.attribute(version).set(write.entry().instance(), write.values()[version]);
            }
            session.persistenceContext().written(write.entry(), persister.snapshotOf(write.values()));
        };
        for (CompiledStatement compiled : persister.updates(changed)) {
            execute(connection, persister, compiled, "UPDATE", writes, written);
        }
        session.counters().entitiesUpdated += writes.size();
    }

    private void delete(Connection connection, Frame frame, EntityPersister persister, List<EntityEntry> entries) {
        int version = persister.versionIndex();
        List<Write> writes = new ArrayList<>(entries.size());
        for (EntityEntry entry : entries) {
            frame.remember(entry);
            Object expected = version >= 0 ? entry.snapshot()[version] : null;
            writes.add(new Write(entry, entry.snapshot(), persister.toStored(entry.snapshot(), expected), expected));
        }
        java.util.function.Consumer<Write> written = write -> session.persistenceContext().removed(write.entry());
        for (CompiledStatement compiled : persister.deletes()) {
            execute(connection, persister, compiled, "DELETE", writes, written);
        }
        session.counters().entitiesDeleted += writes.size();
    }

    /**
     * Runs one compiled UPDATE or DELETE for every write, in JDBC batches (one at a time where the driver
     * cannot report each row count), requiring each to match exactly one row; {@code written} then
     * updates memory for each write of a successful batch.
     */
    private void execute(Connection connection, EntityPersister persister, CompiledStatement compiled, String operation,
                         List<Write> writes, java.util.function.Consumer<Write> written) {
        boolean checkEach = !context.dialect().reportsBatchRowCounts();
        try (PreparedStatement statement = statements.prepare(connection, compiled)) {
            for (int start = 0; start < writes.size(); start += batchSize) {
                int end = Math.min(writes.size(), start + batchSize);
                long started = statements.started();
                for (int i = start; i < end; i++) {
                    Write write = writes.get(i);
                    persister.bind(statement, compiled, write.row());
                    if (checkEach) {
                        requireOneRow(statement.executeUpdate(), write.entry(), operation, write.expectedVersion());
                    } else {
                        statement.addBatch();
                    }
                }
                statements.logRows(compiled, writes.get(start).row(), end - start, !checkEach);
                if (checkEach) {
                    statements.executed(compiled, started, end - start);
                } else {
                    int[] counts = statement.executeBatch();
                    statements.executed(compiled, started);
                    for (int i = start; i < end; i++) {
                        requireOneRow(counts[i - start], writes.get(i).entry(), operation, writes.get(i).expectedVersion());
                    }
                }
                writes.subList(start, end).forEach(written);
            }
        } catch (SQLException e) {
            throw statements.flushFailed(persister.entityName(), operation, compiled, e, scope());
        }
    }

    private void requireOneRow(int count, EntityEntry entry, String operation, Object expectedVersion) {
        if (count == 1 || count == Statement.SUCCESS_NO_INFO && expectedVersion == null) {
            return;
        }
        if (count == Statement.SUCCESS_NO_INFO) {
            throw new DatabaseException("The driver did not report how many rows the " + operation + " of "
                    + entry.describe() + " matched, so its @Version check cannot be made. "
                    + scope().rolledBack());
        }
        throw new StaleObjectException("The " + operation + " of " + entry.describe() + " matched " + count + " rows instead "
                + "of 1: " + (expectedVersion != null ? "its row no longer has version " + expectedVersion + ", so "
                + "another transaction changed or deleted it since this session loaded it"
                : "another transaction deleted its row since this session loaded it") + ". "
                + scope().rolledBack() + " " + scope().toFix("load the object again (session.get or session.refresh) and "
                + "apply the change to the fresh state"));
    }

    private FailureScope scope() {
        return FailureScope.of(session.mode(), session.currentFrame());
    }
}
