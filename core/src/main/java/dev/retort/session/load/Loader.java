package dev.retort.session.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.retort.InvalidRequestException;
import dev.retort.Load;
import dev.retort.mapping.RelationshipModel;
import dev.retort.session.SessionContext;
import dev.retort.session.SessionImpl;
import dev.retort.session.persister.EntityPersister;
import dev.retort.session.persister.Ids;
import dev.retort.session.state.EntityEntry;
import dev.retort.session.state.EntityKey;
import dev.retort.session.state.LazyCollection;
import dev.retort.session.state.PersistentList;
import dev.retort.session.state.PersistentSet;
import dev.retort.session.state.Relations;
import dev.retort.sql.CompiledStatement;

/**
 * Reads rows into the session: {@code get}, refresh and the SELECTs of queries, each row turned into the
 * identity map's instance for it (hydration): an instance already in the session is returned as is
 * unless expired, then refilled keeping what the code changed. Instances enter the identity map before
 * their references are resolved, so cycles of rows referring to each other load once. The JDBC is
 * {@link RowReader}'s, the relationship strategies {@link RelatedLoading}'s, the SQL trees
 * {@link LoadStatements}'.
 */
public final class Loader {
    private final SessionImpl session;
    private final SessionContext context;
    private final RowReader rows;
    private final RelatedLoading related;

    public Loader(SessionImpl session, SessionContext context) {
        this.session = session;
        this.context = context;
        this.rows = new RowReader(session);
        this.related = new RelatedLoading(session, context, this, rows);
    }

    public <T> T get(Class<T> entityType, Object id) {
        EntityPersister persister = context.persister(entityType);
        Object key = Ids.coerce(persister.attribute(0), id, () -> "session.get(" + persister.entityName() + ", " + literal(id) + ")");
        if (key == null) {
            throw new InvalidRequestException("session.get(" + persister.entityName() + ", null): an id is required. "
                    + "To fix this, pass the primary key value.");
        }
        EntityEntry entry = session.persistenceContext().byKey(new EntityKey(persister.keyType(), key));
        if (entry != null && !session.persistenceContext().isExpired(entry)) {
            // Under inheritance the id may be another subclass's: get(Cat.class, id) of a Dog is null.
            return entry.status() == EntityEntry.Status.DELETED || !entityType.isInstance(entry.instance()) ? null
                    : entityType.cast(entry.instance());
        }
        if (session.persistenceContext().hasPending()) {
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

    /** Loads a stand-in's row into it; false when the row does not exist. */
    public boolean loadStandIn(EntityEntry entry) {
        EntityPersister persister = entry.persister();
        return !selectById(persister, entry.id()).isEmpty();
    }

    /** Reloads a persistent entry's row now, overwriting its fields and snapshot. */
    public void reload(EntityEntry entry) {
        EntityPersister persister = entry.persister();
        entry.restore();
        session.persistenceContext().expire(entry);
        List<Object> found = selectById(persister, entry.id());
        if (found.isEmpty()) {
            session.persistenceContext().detach(entry);
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
    public List<Object> select(EntityPersister persister, CompiledStatement compiled, Object[] row) {
        return select(persister, compiled, row, LoadPlan.DEFAULT);
    }

    public List<Object> select(EntityPersister persister, CompiledStatement compiled, Object[] row, LoadPlan plan) {
        return hydrateAll(persister, rows.readRows(persister, compiled, row, 0), plan);
    }

    /** Runs a SELECT of one number (COUNT). */
    public long selectLong(EntityPersister persister, CompiledStatement compiled) {
        return rows.selectLong(persister, compiled);
    }

    /**
     * The related objects of one object for a to-many or inverse one-to-one relationship, loaded now (see
     * {@link RelatedLoading}).
     */
    public List<Object> loadCollection(EntityPersister owner, RelationshipModel relationship, Object instance) {
        return related.loadCollections(owner, relationship, List.of(instance), LoadPlan.DEFAULT).only();
    }

    /** Records a collection as loaded with {@code elements}: in the field and as the entry's snapshot. */
    void filled(EntityPersister persister, Object owner, RelationshipModel relationship, List<Object> elements) {
        related.filled(persister, owner, relationship, elements);
    }

    /** One row as the session's instance (for streams, which read a row at a time). */
    public Object hydrate(EntityPersister persister, Object[] values, LoadPlan plan) {
        List<Object[]> rows = new ArrayList<>(1);
        rows.add(values);
        return hydrateAll(persister, rows, plan).get(0);
    }

    /**
     * The session's instance for each row, in order: existing instances are kept (refilled if expired),
     * new ones created; references are resolved and collections set up or loaded as {@code plan} says.
     */
    List<Object> hydrateAll(EntityPersister persister, List<Object[]> rows, LoadPlan plan) {
        return hydrateAll(persister, rows, plan, Set.of());
    }

    /** As {@link #hydrateAll(EntityPersister, List, LoadPlan)}, leaving the {@code filledByCaller} relationships alone. */
    List<Object> hydrateAll(EntityPersister persister, List<Object[]> rows, LoadPlan plan, Set<RelationshipModel> filledByCaller) {
        List<Object> instances = new ArrayList<>(rows.size());
        // Rows with references are filled after every row's object is in the identity map (cycles load once).
        boolean resolve = persister.references().length > 0;
        List<EntityEntry> fresh = resolve ? new ArrayList<>(rows.size()) : List.of();
        List<Object[]> freshValues = resolve ? new ArrayList<>(rows.size()) : List.of();
        session.persistenceContext().expectLoads(persister.keyType(), rows.size());
        for (Object[] values : rows) {
            if (!resolve) {
                // Nothing to resolve first: filled at once, without keeping the row for a second pass.
                instances.add(hydrateAlone(persister, values, plan));
                continue;
            }
            EntityEntry entry = entryFor(persister, values);
            if (session.persistenceContext().isExpired(entry) && entry.claimForLoading()) {
                fresh.add(entry);
                freshValues.add(values);
            }
            instances.add(entry.instance());
        }
        if (!freshValues.isEmpty()) {
            related.resolveReferences(persister, freshValues, plan);
        }
        for (int i = 0; i < fresh.size(); i++) {
            fill(persister, fresh.get(i), freshValues.get(i), plan);
        }
        related.loadRelated(persister, instances, plan, filledByCaller);
        return instances;
    }

    /**
     * Whether rows of this persister can become instances one at a time under {@code plan}: no reference to
     * resolve together with the other rows, nothing related to load now.
     */
    boolean hydratesAlone(EntityPersister persister, LoadPlan plan) {
        if (persister.references().length > 0 || !persister.inverseToOne().isEmpty()) {
            return false;
        }
        for (RelationshipModel relationship : persister.collections()) {
            Load.Strategy strategy = plan.strategy(relationship);
            if (strategy == Load.Strategy.SELECT_IN || strategy == Load.Strategy.JOINED) {
                return false;
            }
        }
        return true;
    }

    /** The session's instance for one row that needs nothing resolved or loaded together with the other rows. */
    Object hydrateAlone(EntityPersister persister, Object[] values, LoadPlan plan) {
        EntityEntry entry = entryFor(persister, values);
        if (session.persistenceContext().isExpired(entry) && entry.claimForLoading()) {
            fill(persister, entry, values, plan);
        }
        return entry.instance();
    }

    /**
     * The session's entry for a row's key, or a new one for a new instance, entered now. A fresh entry is to
     * be kept as it is; a new or expired one is to be filled with the row.
     */
    private EntityEntry entryFor(EntityPersister persister, Object[] values) {
        EntityEntry entry = session.persistenceContext().byKey(persister.keyType(), values[0]);
        if (entry == null) {
            entry = new EntityEntry(persister.model().newInstance(), persister, values[0], EntityEntry.Status.PERSISTENT, null);
            session.enter(entry);
        }
        return entry;
    }

    /** Writes a claimed entry's row into its object (keeping the code's changes if it is expired) and ends the load claim. */
    private void fill(EntityPersister persister, EntityEntry entry, Object[] values, LoadPlan plan) {
        boolean refill = entry.snapshot() != null;
        if (refill) {
            // An expired object the session tracks: what the code changed since stays, and stays tracked.
            persister.refill(entry.instance(), entry.snapshot(), values);
        } else {
            persister.write(entry.instance(), values);
        }
        boolean readOnly = plan.readOnly() && !refill;
        session.persistenceContext().loaded(entry, readOnly ? null : persister.snapshotOf(values), readOnly);
        setUpCollections(entry, plan, refill);
    }

    /**
     * Puts an unloaded collection of Retort's in each to-many field of a freshly loaded object. When
     * {@code refill}ing an expired object, a collection the code changed since the last flush is kept (the
     * next flush writes the change); the others load again on first use.
     */
    @SuppressWarnings("unchecked")
    private void setUpCollections(EntityEntry entry, LoadPlan plan, boolean refill) {
        List<RelationshipModel> collections = entry.persister().collections();
        if (collections.isEmpty()) {
            return;
        }
        List<Object>[] before = entry.renewCollections(collections.size());
        for (int c = 0; c < collections.size(); c++) {
            RelationshipModel relationship = collections.get(c);
            if (refill && before != null && before[c] != null && changedSince(relationship.get(entry.instance()), before[c])) {
                entry.collections()[c] = before[c];
                continue;
            }
            boolean raise = plan.strategy(relationship) == Load.Strategy.RAISE;
            relationship.set(entry.instance(), relationship.isSet() ? new PersistentSet(session, entry.instance(), relationship, raise)
                    : new PersistentList(session, entry.instance(), relationship, raise));
        }
    }

    private static boolean changedSince(Object collection, List<Object> flushed) {
        return !(collection instanceof LazyCollection lazy && !lazy.loaded())
                && !Relations.sameElements(flushed, RelationshipModel.elements(collection));
    }

    private static String literal(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }
}
