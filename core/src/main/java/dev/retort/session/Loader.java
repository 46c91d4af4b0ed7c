package dev.retort.session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.retort.DatabaseException;
import dev.retort.InvalidRequestException;
import dev.retort.Load;
import dev.retort.mapping.AttributeModel;
import dev.retort.mapping.RelationshipModel;
import dev.retort.sql.CompiledStatement;
import dev.retort.sql.Expression;
import dev.retort.sql.OrderItem;
import dev.retort.sql.Statement;

/**
 * Reads rows into the session: runs SELECTs and turns each row into the identity map's instance for it
 * (an instance already in the session is returned as is, unless expired, so local changes are kept).
 * <p>
 * Related objects: the objects a batch of rows refers to (to-one foreign keys) are loaded together, with
 * one {@code SELECT ... WHERE id IN (...)} per batch of missing ids, before the rows' fields are written;
 * collections get a {@link PersistentList}/{@link PersistentSet} that loads on first use, or are filled
 * now with one {@code IN} query per relationship and batch of owners when the {@link LoadPlan} says
 * select-in. Instances enter the identity map before their references are resolved, so cycles of rows
 * referring to each other load once.
 */
final class Loader {
    /** Ids per {@code IN (...)} list. */
    static final int IN_BATCH = 500;

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
        EntityEntry entry = session.objects.byKey(new EntityKey(persister.keyType(), key));
        if (entry != null && !session.objects.isExpired(entry)) {
            // Under inheritance the id may be another subclass's: get(Cat.class, id) of a Dog is null.
            return entry.status == EntityEntry.Status.DELETED || !entityType.isInstance(entry.instance) ? null
                    : entityType.cast(entry.instance);
        }
        if (session.objects.hasPending()) {
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
    boolean loadStandIn(EntityEntry entry) {
        EntityPersister persister = entry.persister;
        return !selectById(persister, entry.id).isEmpty();
    }

    /** Reloads a persistent entry's row now, overwriting its fields and snapshot. */
    void reload(EntityEntry entry) {
        EntityPersister persister = entry.persister;
        entry.restore();
        session.objects.expire(entry);
        List<Object> found = selectById(persister, entry.id);
        if (found.isEmpty()) {
            session.objects.detach(entry);
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
        return select(persister, compiled, row, LoadPlan.DEFAULT);
    }

    List<Object> select(EntityPersister persister, CompiledStatement compiled, Object[] row, LoadPlan plan) {
        return hydrateAll(persister, readRows(persister, compiled, row, 0), plan);
    }

    /** The rows of a query as field values (foreign keys still as ids), the entity's columns from {@code offset + 1}. */
    private List<Object[]> readRows(EntityPersister persister, CompiledStatement compiled, Object[] row, int offset) {
        List<Object[]> rows = new ArrayList<>();
        Statements statements = new Statements(session);
        try (PreparedStatement statement = statements.prepare(session.connection(), compiled)) {
            persister.bind(statement, compiled, row);
            statements.logQuery(compiled, row);
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    Object[] values = persister.readRow(resultSet, offset);
                    if (offset > 0) {
                        // The column before the entity's: the owner key of a join-table row.
                        Object[] withOwner = new Object[values.length + 1];
                        System.arraycopy(values, 0, withOwner, 0, values.length);
                        withOwner[values.length] = resultSet.getObject(1);
                        values = withOwner;
                    }
                    rows.add(values);
                }
            }
        } catch (SQLException e) {
            throw statements.queryFailed(compiled, e);
        }
        return rows;
    }

    /** Runs a SELECT of one number (COUNT). */
    long selectLong(EntityPersister persister, CompiledStatement compiled) {
        Statements statements = new Statements(session);
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

    /** One row as the session's instance (for streams, which read a row at a time). */
    Object hydrate(EntityPersister persister, Object[] values) {
        List<Object[]> rows = new ArrayList<>(1);
        rows.add(values);
        return hydrateAll(persister, rows, LoadPlan.DEFAULT).get(0);
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
        List<EntityEntry> fresh = new ArrayList<>();
        List<Object[]> freshValues = new ArrayList<>();
        for (Object[] values : rows) {
            EntityKey key = new EntityKey(persister.keyType(), values[0]);
            EntityEntry entry = session.objects.byKey(key);
            if (entry != null && !session.objects.isExpired(entry)) {
                instances.add(entry.instance);
                continue;
            }
            if (entry == null) {
                Object instance = persister.model().newInstance();
                entry = new EntityEntry(instance, persister, values[0], EntityEntry.Status.PERSISTENT, null);
                session.enter(key, entry);
            }
            if (!entry.loading) {
                entry.loading = true;
                fresh.add(entry);
                freshValues.add(values);
            }
            instances.add(entry.instance);
        }
        if (persister.references().length > 0 && !freshValues.isEmpty()) {
            resolveReferences(persister, freshValues, plan);
        }
        for (int i = 0; i < fresh.size(); i++) {
            EntityEntry entry = fresh.get(i);
            Object[] values = freshValues.get(i);
            boolean refill = entry.snapshot != null;
            if (refill) {
                // An expired object the session tracks: what the code changed since stays, and stays tracked.
                persister.refill(entry.instance, entry.snapshot, values);
            } else {
                persister.write(entry.instance, values);
            }
            boolean readOnly = plan.readOnly() && !refill;
            entry.snapshot = readOnly ? null : persister.snapshotOf(values);
            entry.readOnly = readOnly;
            session.objects.refreshed(entry);
            entry.loading = false;
            if (entry.standIn != null) {
                entry.standIn.markLoaded();
            }
            setUpCollections(entry, plan, refill);
        }
        loadRelated(persister, instances, plan, filledByCaller);
        return instances;
    }

    /**
     * Puts an unloaded collection of Retort's in each to-many field of a freshly loaded object. When
     * {@code refill}ing an expired object, a collection the code changed since the last flush is kept (the
     * next flush writes the change); the others load again on first use.
     */
    @SuppressWarnings("unchecked")
    private void setUpCollections(EntityEntry entry, LoadPlan plan, boolean refill) {
        List<RelationshipModel> collections = entry.persister.collections();
        if (collections.isEmpty()) {
            return;
        }
        List<Object>[] before = entry.collections;
        entry.collections = new List[collections.size()];
        for (int c = 0; c < collections.size(); c++) {
            RelationshipModel relationship = collections.get(c);
            if (refill && before != null && before[c] != null && changedSince(relationship.get(entry.instance), before[c])) {
                entry.collections[c] = before[c];
                continue;
            }
            boolean raise = plan.strategy(relationship) == Load.Strategy.RAISE;
            relationship.set(entry.instance, relationship.isSet() ? new PersistentSet(session, entry.instance, relationship, raise)
                    : new PersistentList(session, entry.instance, relationship, raise));
        }
    }

    private static boolean changedSince(Object collection, List<Object> flushed) {
        return !(collection instanceof LazyCollection lazy && !lazy.loaded())
                && !Relations.sameElements(flushed, RelationshipModel.elements(collection));
    }

    /** Loads what the plan says to load now: select-in collections and inverse one-to-ones. */
    private void loadRelated(EntityPersister persister, List<Object> instances, LoadPlan plan,
                             Set<RelationshipModel> filledByCaller) {
        for (RelationshipModel relationship : persister.collections()) {
            Load.Strategy strategy = plan.strategy(relationship);
            // A joined relationship reached other than through its query's JOIN (below a select-in) loads by select-in.
            if (strategy != Load.Strategy.SELECT_IN && strategy != Load.Strategy.JOINED || filledByCaller.contains(relationship)) {
                continue;
            }
            List<Object> owners = new ArrayList<>();
            Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (Object instance : instances) {
                if (relationship.get(instance) instanceof LazyCollection collection && !collection.loaded() && seen.add(instance)) {
                    owners.add(instance);
                }
            }
            if (!owners.isEmpty()) {
                Map<Object, List<Object>> loaded = loadCollections(persister, relationship, owners, plan.child(relationship));
                loaded.forEach((owner, elements) -> filled(owner, relationship, elements));
            }
        }
        for (RelationshipModel relationship : persister.inverseToOne()) {
            if (filledByCaller.contains(relationship)) {
                continue;
            }
            Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            List<Object> owners = instances.stream().filter(instance -> relationship.get(instance) == null && seen.add(instance)).toList();
            if (!owners.isEmpty()) {
                Map<Object, List<Object>> loaded = loadCollections(persister, relationship, owners, plan.child(relationship));
                loaded.forEach((owner, elements) -> relationship.set(owner, elements.isEmpty() ? null : elements.get(0)));
            }
        }
    }

    /** Records a collection as loaded with {@code elements}: in the field and as the entry's snapshot. */
    void filled(Object owner, RelationshipModel relationship, List<Object> elements) {
        if (relationship.get(owner) instanceof LazyCollection collection) {
            collection.fill(elements);
        }
        EntityEntry entry = session.objects.entryOf(owner);
        if (entry != null && entry.collections != null) {
            entry.collections[entry.persister.collections().indexOf(relationship)] = new ArrayList<>(elements);
        }
    }

    /** Replaces the foreign-key ids in {@code rows} by the objects they refer to, loading those not in the session. */
    private void resolveReferences(EntityPersister persister, List<Object[]> rows, LoadPlan plan) {
        for (int index : persister.references()) {
            RelationshipModel relationship = persister.referenceOf(index);
            EntityPersister target = context.persister(relationship.target());
            Set<Object> missing = new LinkedHashSet<>();
            for (Object[] values : rows) {
                Object id = values[index];
                if (id != null && !session.objects.holdsKey(new EntityKey(target.keyType(), id))) {
                    missing.add(id);
                }
            }
            if (!missing.isEmpty()) {
                Load.Strategy strategy = plan.strategy(relationship);
                // A stand-in must be of the row's class: a target with subclasses is loaded now instead.
                if ((strategy == Load.Strategy.LAZY || strategy == Load.Strategy.RAISE) && !hasSubclasses(target)) {
                    for (Object id : missing) {
                        session.standIn(target, id, relationship, strategy == Load.Strategy.RAISE);
                    }
                } else {
                    loadByIds(target, new ArrayList<>(missing), plan.child(relationship));
                }
            }
            for (Object[] values : rows) {
                Object id = values[index];
                if (id == null) {
                    continue;
                }
                EntityEntry entry = session.objects.byKey(new EntityKey(target.keyType(), id));
                if (entry == null) {
                    throw new DatabaseException(persister.entityName() + "#" + values[0] + "." + relationship.name() + " refers to "
                            + target.entityName() + "#" + id + ", which does not exist. To fix this, add a foreign-key "
                            + "constraint to the column " + relationship.joinColumn().column().name() + " (createAll does) "
                            + "and correct the rows that break it.");
                }
                values[index] = entry.instance;
            }
        }
    }

    /** Loads the objects with the given ids, {@link #IN_BATCH} per query. */
    private void loadByIds(EntityPersister persister, List<Object> ids, LoadPlan plan) {
        AttributeModel id = persister.attribute(0);
        for (int start = 0; start < ids.size(); start += IN_BATCH) {
            List<Object> batch = ids.subList(start, Math.min(ids.size(), start + IN_BATCH));
            Expression where = in(persister.model().table().name(), id, batch);
            if (persister.hierarchy() != null) {
                // A reference to a class of a hierarchy: each row becomes an instance of its own class.
                polymorphic(persister, where);
                continue;
            }
            Statement.Select select = new Statement.Select(persister.model().table().name(), qualifiedColumns(persister),
                    Optional.of(where), List.of(), Optional.empty(), Optional.empty());
            hydrateAll(persister, readRows(persister, context.compileQuery(select), new Object[0], 0), plan);
        }
    }

    /**
     * The related objects of each owner for a to-many or inverse one-to-one relationship, loaded with one
     * {@code IN} query per {@link #IN_BATCH} owners, in the relationship's order. Owners without any get
     * an empty list.
     */
    Map<Object, List<Object>> loadCollections(EntityPersister owner, RelationshipModel relationship, List<Object> owners,
                                              LoadPlan plan) {
        Map<Object, List<Object>> result = new IdentityHashMap<>();
        Map<Object, Object> ownerById = new LinkedHashMap<>();
        for (Object instance : owners) {
            Object id = owner.attribute(0).get(instance);
            ownerById.put(id, instance);
            result.put(instance, new ArrayList<>());
        }
        EntityPersister target = context.persister(relationship.target());
        List<Object> ids = new ArrayList<>(ownerById.keySet());
        for (int start = 0; start < ids.size(); start += IN_BATCH) {
            List<Object> batch = ids.subList(start, Math.min(ids.size(), start + IN_BATCH));
            if (relationship.kind() == RelationshipModel.Kind.MANY_TO_MANY) {
                loadThroughJoinTable(owner, relationship, target, batch, plan, ownerById, result);
            } else if (target.hierarchy() != null) {
                // Elements of a hierarchy: each row as its own class; grouped by the reference each now holds.
                RelationshipModel owning = target.model().relationship(relationship.mappedBy().orElseThrow()).orElseThrow();
                String table = target.model().table().name();
                for (Object child : polymorphic(target, in(table, owning.joinColumn(), batch))) {
                    List<Object> group = result.get(owning.get(child));
                    if (group != null) {
                        group.add(child);
                    }
                }
            } else {
                RelationshipModel owning = target.model().relationship(relationship.mappedBy().orElseThrow()).orElseThrow();
                int keyIndex = target.indexOf(owning);
                String table = target.model().table().name();
                Statement.Select select = new Statement.Select(table, qualifiedColumns(target),
                        Optional.of(in(table, owning.joinColumn(), batch)), orderBy(relationship, target, table),
                        Optional.empty(), Optional.empty());
                List<Object[]> rows = readRows(target, context.compileQuery(select), new Object[0], 0);
                List<Object> keys = rows.stream().map(values -> values[keyIndex]).toList();
                List<Object> children = hydrateAll(target, rows, plan);
                for (int i = 0; i < children.size(); i++) {
                    List<Object> group = result.get(ownerById.get(keys.get(i)));
                    if (group != null) {
                        group.add(children.get(i));
                    }
                }
            }
        }
        return result;
    }

    private void loadThroughJoinTable(EntityPersister owner, RelationshipModel relationship, EntityPersister target,
                                      List<Object> batch, LoadPlan plan, Map<Object, Object> ownerById,
                                      Map<Object, List<Object>> result) {
        if (target.hierarchy() != null) {
            throw new dev.retort.UnsupportedFeatureException("Loading " + relationship + " is not supported: it is a "
                    + "many-to-many to " + target.entityName() + ", an entity of an inheritance hierarchy, whose rows Retort "
                    + "does not read through a join table yet. To fix this, map the join table as an entity with two "
                    + "@ManyToOne relationships.");
        }
        RelationshipModel owning = relationship.owning() ? relationship
                : target.model().relationship(relationship.mappedBy().orElseThrow()).orElseThrow();
        RelationshipModel.JoinTable joinTable = owning.joinTable();
        String ownerColumn = relationship.owning() ? joinTable.ownerColumn() : joinTable.targetColumn();
        String targetColumn = relationship.owning() ? joinTable.targetColumn() : joinTable.ownerColumn();
        String table = target.model().table().name();
        String link = joinTable.table().name();
        List<Expression> columns = new ArrayList<>();
        columns.add(new Expression.ColumnRef(link, ownerColumn));
        columns.addAll(qualifiedColumns(target));
        List<Expression> values = batch.stream().map(id -> (Expression) new Expression.Value(owner.attribute(0).toStored(id),
                owner.type(0))).toList();
        Statement.Select select = new Statement.Select(false, columns, table, null,
                List.of(new Statement.Join(Statement.JoinKind.INNER, link, null, Expression.eq(new Expression.ColumnRef(link, targetColumn),
                        new Expression.ColumnRef(table, target.attribute(0).column().name())))),
                Optional.of(new Expression.In(new Expression.ColumnRef(link, ownerColumn), padded(values), false)), List.of(),
                Optional.empty(), orderBy(relationship, target, table), Optional.empty(), Optional.empty());
        List<Object[]> rows = readRows(target, context.compileQuery(select), new Object[0], 1);
        List<Object> keys = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            keys.add(owner.attribute(0).fromStored(Ids.coerce(owner.attribute(0), row[row.length - 1], () -> "join table key")));
        }
        List<Object[]> entityRows = rows.stream().map(row -> java.util.Arrays.copyOf(row, row.length - 1)).toList();
        List<Object> children = hydrateAll(target, entityRows, plan);
        for (int i = 0; i < children.size(); i++) {
            List<Object> group = result.get(ownerById.get(keys.get(i)));
            if (group != null) {
                group.add(children.get(i));
            }
        }
    }

    /** The rows of a hierarchy's entity matching {@code where}, each hydrated as the class it is. */
    private List<Object> polymorphic(EntityPersister persister, Expression where) {
        String table = persister.model().table().name();
        Statement.Select base = new Statement.Select(table, List.of(), Optional.of(where), List.of(), Optional.empty(),
                Optional.empty());
        return context.polymorphicLoader(persister).list(session, this, base, "the related " + persister.entityName() + " objects");
    }

    /** Whether rows of this entity can be of a subclass (so a stand-in of this class could be the wrong class). */
    static boolean hasSubclasses(EntityPersister persister) {
        return persister.hierarchy() != null && persister.hierarchy().members().stream().anyMatch(member ->
                member.javaType() != persister.entityType() && persister.entityType().isAssignableFrom(member.javaType()));
    }

    private static Expression in(String table, AttributeModel attribute, List<Object> ids) {
        List<Expression> values = new ArrayList<>(ids.size());
        for (Object id : ids) {
            values.add(new Expression.Value(id, attribute.column().type().type()));
        }
        return new Expression.In(new Expression.ColumnRef(table, attribute.column().name()), padded(values), false);
    }

    /**
     * The list lengthened to the next power of two by repeating its last value, so that IN lists come in a
     * handful of shapes (1, 2, 4, ... 512 markers): fewer statements to compile, cache and prepare.
     */
    private static List<Expression> padded(List<Expression> values) {
        int size = Integer.highestOneBit(values.size());
        if (size == values.size()) {
            return values;
        }
        List<Expression> longer = new ArrayList<>(size * 2);
        longer.addAll(values);
        while (longer.size() < size * 2) {
            longer.add(values.get(values.size() - 1));
        }
        return longer;
    }

    static List<Expression> qualifiedColumns(EntityPersister persister) {
        String table = persister.model().table().name();
        List<Expression> columns = new ArrayList<>(persister.attributeCount());
        for (int i = 0; i < persister.attributeCount(); i++) {
            columns.add(new Expression.ColumnRef(table, persister.attribute(i).column().name()));
        }
        return columns;
    }

    /** The relationship's {@code @OrderBy} (attribute names of the target, ASC/DESC), else the target's id. */
    static List<OrderItem> orderBy(RelationshipModel relationship, EntityPersister target, String table) {
        List<OrderItem> items = new ArrayList<>();
        for (RelationshipModel.OrderKey key : relationship.orderKeys()) {
            // Metadata.of checked that the attribute exists.
            AttributeModel attribute = target.model().attribute(key.attribute()).orElseThrow();
            items.add(new OrderItem(new Expression.ColumnRef(table, attribute.column().name()), key.descending()));
        }
        Expression id = new Expression.ColumnRef(table, target.attribute(0).column().name());
        if (items.stream().noneMatch(item -> item.expression().equals(id))) {
            items.add(new OrderItem(id, false));
        }
        return items;
    }

    private static String literal(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }
}
