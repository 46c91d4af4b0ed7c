package dev.retort.session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.retort.InvalidRequestException;
import dev.retort.sql.CompiledStatement;

/**
 * Reads rows into the session: runs SELECTs and turns each row into the identity map's instance for it
 * (an instance already in the session is returned as is, unless expired, so local changes are kept).
 */
final class Loader {
    private final SessionImpl session;
    private final SessionContext context;

    Loader(SessionImpl session, SessionContext context) {
        this.session = session;
        this.context = context;
    }

    <T> T get(Class<T> entityType, Object id) {
        EntityPersister persister = context.persister(entityType);
        Object key = Ids.coerce(persister.attribute(0), id, () -> "session.get(" + persister.entityName() + ", " + literal(id) + ")");
        if (key == null) {
            throw new InvalidRequestException("session.get(" + persister.entityName() + ", null): an id is required. "
                    + "To fix this, pass the primary key value.");
        }
        EntityEntry entry = session.identityMap.get(new EntityKey(persister.keyType(), key));
        if (entry != null && !entry.expired) {
            // Under inheritance the id may be another subclass's: get(Cat.class, id) of a Dog is null.
            return entry.status == EntityEntry.Status.DELETED || !entityType.isInstance(entry.instance) ? null
                    : entityType.cast(entry.instance);
        }
        if (!session.pending.isEmpty()) {
            // A pending object may carry this id; changes to loaded objects cannot make the row appear.
            session.flush();
        }
        List<Object> found = selectById(persister, key);
        return found.isEmpty() ? null : entityType.cast(found.get(0));
    }

    private static Object[] idRow(EntityPersister persister, Object id) {
        Object[] values = new Object[persister.attributeCount()];
        values[0] = id;
        return values;
    }

    /** Reloads a persistent entry's row now, overwriting its fields and snapshot. */
    void reload(EntityEntry entry) {
        EntityPersister persister = entry.persister;
        entry.expired = true;
        List<Object> found = selectById(persister, entry.id);
        if (found.isEmpty()) {
            session.detach(entry);
            throw new InvalidRequestException("Cannot refresh " + entry.describe() + ": its row no longer exists (another "
                    + "transaction deleted it). It has been removed from the session.");
        }
    }

    private List<Object> selectById(EntityPersister persister, Object id) {
        if (persister.hierarchy() != null) {
            return context.polymorphicLoader(persister).byId(session, this, id);
        }
        return select(persister, persister.selectById(), persister.toStored(idRow(persister, id), null));
    }

    /** Runs a SELECT of the persister's columns and returns the session's instance for each row. */
    List<Object> select(EntityPersister persister, CompiledStatement compiled, Object[] row) {
        List<Object> results = new ArrayList<>();
        Statements statements = new Statements(context);
        try (PreparedStatement statement = statements.prepare(session.connection(), compiled)) {
            persister.bind(statement, compiled, row);
            statements.logQuery(compiled, row);
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    results.add(hydrate(persister, persister.readRow(resultSet, 0)));
                }
            }
        } catch (SQLException e) {
            throw statements.queryFailed(compiled, e);
        }
        return results;
    }

    /** Runs a SELECT of one number (COUNT). */
    long selectLong(EntityPersister persister, CompiledStatement compiled) {
        Statements statements = new Statements(context);
        try (PreparedStatement statement = statements.prepare(session.connection(), compiled)) {
            persister.bind(statement, compiled, new Object[0]);
            statements.logQuery(compiled, null);
            try (ResultSet resultSet = statement.executeQuery()) {
                resultSet.next();
                return resultSet.getLong(1);
            }
        } catch (SQLException e) {
            throw statements.queryFailed(compiled, e);
        }
    }

    Object hydrate(EntityPersister persister, Object[] values) {
        EntityKey key = new EntityKey(persister.keyType(), values[0]);
        EntityEntry entry = session.identityMap.get(key);
        if (entry != null) {
            if (entry.expired) {
                persister.write(entry.instance, values);
                entry.snapshot = persister.snapshotOf(values);
                entry.expired = false;
            }
            return entry.instance;
        }
        Object instance = persister.model().newInstance();
        persister.write(instance, values);
        entry = new EntityEntry(instance, persister, values[0], EntityEntry.Status.PERSISTENT, persister.snapshotOf(values));
        session.identityMap.put(key, entry);
        session.entries.put(instance, entry);
        return instance;
    }

    private static String literal(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }
}
