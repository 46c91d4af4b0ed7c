package dev.retort.session;

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

import dev.retort.DatabaseException;
import dev.retort.InvalidRequestException;
import dev.retort.RetortException;
import dev.retort.StaleObjectException;
import dev.retort.mapping.IdGeneration;
import dev.retort.sql.CompiledStatement;

/**
 * One flush, SQLAlchemy's unit of work: finds pending inserts, changed objects (by comparing fields
 * with snapshots) and deletions, then writes them grouped per table and statement shape as JDBC
 * batches: inserts and updates table by table in foreign-key order (the metadata orders tables parents
 * first), deletes in reverse order; within a self-referencing table, parents are inserted before children
 * and children deleted before parents, a level per batch. Rows that refer to each other in a cycle are
 * inserted with a null foreign key and completed by a second UPDATE. Join-table rows are written after
 * both sides. Relationship bookkeeping before writing (cascades, collection changes) is {@link Relations}'.
 * Memory is changed as rows are written, each first change recorded in the current frame so that a
 * rollback restores it; any failure rolls the frame back in the database and in memory.
 */
final class Flush {
    private final SessionImpl session;
    private final SessionContext context;
    private final Statements statements;
    /** Rows per executeBatch (the engine's statement-batch-size). */
    private final int batchSize;
    /** Entries inserted with a null foreign key that get it by an UPDATE at the end of the flush. */
    private final java.util.Set<EntityEntry> postUpdates = new java.util.LinkedHashSet<>();

    Flush(SessionImpl session, SessionContext context) {
        this.session = session;
        this.context = context;
        this.statements = new Statements(context);
        this.batchSize = context.engine().statementBatchSize();
    }

    /** A changed object: its entry and its current field values. */
    private record Change(EntityEntry entry, Object[] values) {
    }

    void run() {
        List<Relations.Link> links = context.hasRelationships() ? new Relations(session, context).prepare() : List.of();
        Map<EntityPersister, List<EntityEntry>> inserts = new LinkedHashMap<>();
        Map<EntityPersister, Map<BitSet, List<Change>>> updates = new LinkedHashMap<>();
        Map<EntityPersister, List<EntityEntry>> deletes = new LinkedHashMap<>();
        for (EntityEntry entry : session.objects.pending()) {
            inserts.computeIfAbsent(entry.persister, key -> new ArrayList<>()).add(entry);
        }
        for (EntityEntry entry : session.objects.entries()) {
            if (entry.status == EntityEntry.Status.DELETED) {
                deletes.computeIfAbsent(entry.persister, key -> new ArrayList<>()).add(entry);
            } else if (entry.tracked()) {
                collectChange(entry, updates);
            }
        }
        if (inserts.isEmpty() && updates.isEmpty() && deletes.isEmpty() && links.isEmpty()) {
            return;
        }
        session.mode().requireWritable("flush changes");
        boolean relationships = context.hasRelationships();
        List<EntityEntry> deleted = new ArrayList<>();
        if (relationships) {
            deletes.values().forEach(deleted::addAll);
        }
        inserts.values().forEach(Flush::requireIds);
        Connection connection = session.connection();
        Frame frame = session.currentFrame();
        try {
            for (EntityPersister persister : context.flushOrder()) {
                List<EntityEntry> toInsert = inserts.get(persister);
                if (toInsert != null) {
                    insert(connection, frame, persister, toInsert);
                }
                update(connection, frame, persister, updates.get(persister));
            }
            if (!postUpdates.isEmpty()) {
                // Rows inserted with a null foreign key to break a cycle now get it (SQLAlchemy's post_update).
                Map<EntityPersister, Map<BitSet, List<Change>>> second = new LinkedHashMap<>();
                postUpdates.forEach(entry -> collectChange(entry, second));
                second.forEach((persister, groups) -> update(connection, frame, persister, groups));
            }
            if (relationships) {
                JoinRows joinRows = new JoinRows(context, statements, this::scope);
                joinRows.deleteLinks(connection, links, deleted);
                joinRows.insertLinks(connection, links);
            }
            List<EntityPersister> order = context.flushOrder();
            for (int i = order.size() - 1; i >= 0; i--) {
                List<EntityEntry> toDelete = deletes.get(order.get(i));
                if (toDelete != null) {
                    for (List<EntityEntry> level : SelfReferences.childrenFirst(order.get(i), toDelete)) {
                        delete(connection, frame, order.get(i), level);
                    }
                }
            }
        } catch (RetortException e) {
            throw session.failed(frame, e);
        }
        session.objects.insertsDone();
        if (relationships) {
            Relations.remember(session.objects.entries());
            Relations.forgetRemoved(deleted, context);
        }
    }

    /** The updates of one table, a statement shape (set of changed columns) at a time. */
    private void update(Connection connection, Frame frame, EntityPersister persister, Map<BitSet, List<Change>> groups) {
        if (groups != null) {
            groups.forEach((changed, changes) -> update(connection, frame, persister, changed, changes));
        }
    }

    private static void collectChange(EntityEntry entry, Map<EntityPersister, Map<BitSet, List<Change>>> updates) {
        EntityPersister persister = entry.persister;
        int first = persister.nextChanged(entry.instance, entry.snapshot, 0);
        if (first < 0) {
            return;
        }
        BitSet changed = new BitSet(persister.attributeCount());
        for (int i = first; i >= 0; i = persister.nextChanged(entry.instance, entry.snapshot, i + 1)) {
            changed.set(i);
        }
        Object[] values = persister.read(entry.instance);
        if (changed.get(0)) {
            throw new InvalidRequestException("The id of " + entry.describe() + " was changed to " + values[0]
                    + "; Retort does not change primary keys. To fix this, set it back, and add a new object "
                    + "(deleting the old one) if a new key is needed.");
        }
        updates.computeIfAbsent(persister, key -> new LinkedHashMap<>())
                .computeIfAbsent(changed, key -> new ArrayList<>()).add(new Change(entry, values));
    }

    private static void requireIds(List<EntityEntry> entries) {
        for (EntityEntry entry : entries) {
            EntityPersister persister = entry.persister;
            if (persister.idGeneration() == IdGeneration.ASSIGNED
                    && Ids.assigned(persister.attribute(0), persister.attribute(0).get(entry.instance)) == null) {
                throw new InvalidRequestException("Cannot insert " + entry.describe() + ": its @Id "
                        + persister.attribute(0) + " is not set, and it has no @GeneratedValue. To fix this, assign "
                        + "the id before flushing, or annotate the id field with @GeneratedValue.");
            }
        }
    }

    // ---- INSERT -------------------------------------------------------------------------------------

    private void insert(Connection connection, Frame frame, EntityPersister persister, List<EntityEntry> entries) {
        List<EntityEntry> withId = new ArrayList<>(entries.size());
        List<EntityEntry> generating = new ArrayList<>();
        for (EntityEntry entry : entries) {
            frame.remember(entry);
            Object id = Ids.assigned(persister.attribute(0), persister.attribute(0).get(entry.instance));
            if (id == null && persister.idGeneration() == IdGeneration.SEQUENCE) {
                persister.attribute(0).set(entry.instance, Ids.coerce(persister.attribute(0), nextFromSequence(connection, persister),
                        () -> "sequence"));
                id = persister.attribute(0).get(entry.instance);
            }
            int version = persister.versionIndex();
            if (version >= 0 && persister.attribute(version).get(entry.instance) == null) {
                persister.attribute(version).set(entry.instance, Ids.coerce(persister.attribute(version), 0L, () -> "version"));
            }
            (id == null ? generating : withId).add(entry);
        }
        if (SelfReferences.present(persister)) {
            // Parents before children, a level per batch, so that each row's parent already has its row and id.
            for (List<EntityEntry> level : SelfReferences.parentsFirst(persister, entries)) {
                List<EntityEntry> levelWithId = new ArrayList<>();
                List<EntityEntry> levelGenerating = new ArrayList<>();
                for (EntityEntry entry : level) {
                    (persister.attribute(0).get(entry.instance) == null ? levelGenerating : levelWithId).add(entry);
                }
                insertRows(connection, frame, persister, levelWithId, levelGenerating);
            }
        } else {
            insertRows(connection, frame, persister, withId, generating);
        }
    }

    private void insertRows(Connection connection, Frame frame, EntityPersister persister, List<EntityEntry> withId,
                            List<EntityEntry> generating) {
        if (!withId.isEmpty()) {
            insertBatch(connection, frame, persister, persister.insertWithId(), withId, false);
        }
        if (!generating.isEmpty()) {
            insertBatch(connection, frame, persister, persister.insertGeneratingId(), generating, true);
        }
        if (!persister.joinedInserts().isEmpty()) {
            List<EntityEntry> all = new ArrayList<>(withId);
            all.addAll(generating);
            insertJoined(connection, persister, all);
        }
    }

    /** The rows of JOINED subclass tables, once the root table's rows (and ids) are in. */
    private void insertJoined(Connection connection, EntityPersister persister, List<EntityEntry> entries) {
        if (persister.joinedInserts().isEmpty()) {
            return;
        }
        List<Write> writes = new ArrayList<>(entries.size());
        for (EntityEntry entry : entries) {
            Object[] values = insertValues(persister, entry);
            writes.add(new Write(entry, values, persister.toStored(values, null), null));
        }
        for (CompiledStatement compiled : persister.joinedInserts()) {
            execute(connection, persister, compiled, "INSERT", writes, write -> { });
        }
    }

    /**
     * The field values to insert for an entry: a reference to an object whose row is not written yet (a
     * cycle) is inserted as null and set by a second UPDATE, if the column allows null.
     */
    private Object[] insertValues(EntityPersister persister, EntityEntry entry) {
        Object[] fields = persister.read(entry.instance);
        for (int index : persister.references()) {
            Object target = fields[index];
            if (target == null) {
                continue;
            }
            // Relations.prepare has added every related object to the session (by cascade) or refused the flush.
            EntityEntry targetEntry = session.objects.entryOf(target);
            if (targetEntry.status == EntityEntry.Status.PENDING) {
                if (!persister.attribute(index).column().nullable()) {
                    throw new InvalidRequestException("Cannot insert " + entry.describe() + ": " + persister.referenceOf(index)
                            + " refers to " + targetEntry.describe() + ", which cannot be inserted first (the objects refer to "
                            + "each other in a cycle), and its column " + persister.attribute(index).column().name()
                            + " is NOT NULL. To fix this, make the column nullable (@JoinColumn(nullable = true)) so that "
                            + "Retort can set it after both rows exist, or flush the objects in two steps.");
                }
                fields[index] = null;
                postUpdates.add(entry);
            }
        }
        return fields;
    }

    private long nextFromSequence(Connection connection, EntityPersister persister) {
        EntityPersister.SequenceBlock block = persister.sequenceBlock();
        Long next = block.take();
        while (next == null) {
            CompiledStatement compiled = persister.nextSequenceValue();
            try (PreparedStatement statement = statements.prepare(connection, compiled);
                 ResultSet resultSet = statement.executeQuery()) {
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
    private void insertBatch(Connection connection, Frame frame, EntityPersister persister, CompiledStatement compiled,
                             List<EntityEntry> entries, boolean generatedKeys) {
        boolean batched = !generatedKeys || context.dialect().supportsBatchGeneratedKeys();
        boolean returning = generatedKeys && persister.insertReturnsKey();
        String keyColumn = persister.attribute(0).column().name();
        try (PreparedStatement statement = generatedKeys && !returning
                ? statements.prepareReturningKeys(connection, compiled, keyColumn) : statements.prepare(connection, compiled)) {
            List<Object[]> values = new ArrayList<>(Math.min(entries.size(), batchSize));
            for (int start = 0; start < entries.size(); start += batchSize) {
                int end = Math.min(entries.size(), start + batchSize);
                values.clear();
                for (int i = start; i < end; i++) {
                    Object[] fields = insertValues(persister, entries.get(i));
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
                    if (generatedKeys) {
                        try (ResultSet keys = statement.getGeneratedKeys()) {
                            readKeys(keys, persister, entries, start, end, values, start);
                        }
                    }
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
            persister.attribute(0).set(entries.get(index).instance, id);
            values.get(index - valuesOffset)[0] = id;
            index++;
        }
        if (index != to) {
            throw new DatabaseException("The driver returned " + (index - from) + " generated keys for " + (to - from)
                    + " inserted " + persister.entityName() + " rows; Retort cannot tell which id belongs to which object.");
        }
    }

    private void becamePersistent(EntityEntry entry, Object[] values) {
        session.objects.inserted(entry, values);
    }

    // ---- UPDATE and DELETE --------------------------------------------------------------------------

    /** One row to update or delete: its entry, field values after the write, bound row and expected version. */
    private record Write(EntityEntry entry, Object[] values, Object[] row, Object expectedVersion) {
    }

    private void update(Connection connection, Frame frame, EntityPersister persister, BitSet changed, List<Change> changes) {
        int version = persister.versionIndex();
        List<Write> writes = new ArrayList<>(changes.size());
        for (Change change : changes) {
            frame.remember(change.entry());
            Object expected = null;
            if (version >= 0) {
                expected = change.entry().snapshot[version];
                change.values()[version] = Ids.coerce(persister.attribute(version), ((Number) expected).longValue() + 1,
                        () -> "version");
            }
            writes.add(new Write(change.entry(), change.values(), persister.toStored(change.values(), expected), expected));
        }
        java.util.function.Consumer<Write> written = write -> {
            if (version >= 0) {
                persister.attribute(version).set(write.entry().instance, write.values()[version]);
            }
            write.entry().snapshot = persister.snapshotOf(write.values());
        };
        for (CompiledStatement compiled : persister.updates(changed)) {
            execute(connection, persister, compiled, "UPDATE", writes, written);
        }
    }

    private void delete(Connection connection, Frame frame, EntityPersister persister, List<EntityEntry> entries) {
        int version = persister.versionIndex();
        List<Write> writes = new ArrayList<>(entries.size());
        for (EntityEntry entry : entries) {
            frame.remember(entry);
            Object expected = version >= 0 ? entry.snapshot[version] : null;
            writes.add(new Write(entry, entry.snapshot, persister.toStored(entry.snapshot, expected), expected));
        }
        java.util.function.Consumer<Write> written = write -> session.objects.removed(write.entry());
        for (CompiledStatement compiled : persister.deletes()) {
            execute(connection, persister, compiled, "DELETE", writes, written);
        }
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
                if (!checkEach) {
                    int[] counts = statement.executeBatch();
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
