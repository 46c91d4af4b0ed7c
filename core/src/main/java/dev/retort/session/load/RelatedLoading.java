package dev.retort.session.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.retort.DatabaseException;
import dev.retort.Load;
import dev.retort.mapping.AttributeModel;
import dev.retort.mapping.RelationshipModel;
import dev.retort.session.SessionContext;
import dev.retort.session.SessionImpl;
import dev.retort.session.persister.EntityPersister;
import dev.retort.session.persister.Ids;
import dev.retort.session.state.EntityEntry;
import dev.retort.session.state.LazyCollection;
import dev.retort.sql.Expression;
import dev.retort.sql.Statement;

/**
 * The relationship strategies of loading: the objects a batch of rows refers to (to-one foreign keys)
 * are loaded together, with one {@code SELECT ... WHERE id IN (...)} per batch of missing ids, or stand
 * in lazily; collections and inverse one-to-ones are filled now with one {@code IN} query per
 * relationship and batch of owners when the {@link LoadPlan} says select-in, through join tables for
 * many-to-many, each row as its own class for hierarchies.
 */
public final class RelatedLoading {
    /** Ids per {@code IN (...)} list. */
    static final int IN_BATCH = 500;

    private final SessionImpl session;
    private final SessionContext context;
    private final Loader loader;
    private final RowReader reader;

    RelatedLoading(SessionImpl session, SessionContext context, Loader loader, RowReader reader) {
        this.session = session;
        this.context = context;
        this.loader = loader;
        this.reader = reader;
    }

    /** Loads what the plan says to load now: select-in collections and inverse one-to-ones. */
    void loadRelated(EntityPersister persister, List<Object> instances, LoadPlan plan,
                             Set<RelationshipModel> filledByCaller) {
        for (RelationshipModel relationship : persister.collections()) {
            Load.Strategy strategy = plan.strategy(relationship);
            // A joined relationship reached other than through its query's JOIN (below a select-in) loads by select-in.
            if (strategy != Load.Strategy.SELECT_IN && strategy != Load.Strategy.JOINED || filledByCaller.contains(relationship)) {
                continue;
            }
            List<Object> owners = new ArrayList<>(instances.size());
            for (Object instance : instances) {
                if (relationship.get(instance) instanceof LazyCollection collection && !collection.loaded()) {
                    owners.add(instance);
                }
            }
            if (!owners.isEmpty()) {
                Groups loaded = loadCollections(persister, relationship, owners, plan.child(relationship));
                for (int i = 0; i < loaded.owners.size(); i++) {
                    filled(persister, loaded.owners.get(i), relationship, loaded.elements.get(i));
                }
            }
        }
        for (RelationshipModel relationship : persister.inverseToOne()) {
            if (filledByCaller.contains(relationship)) {
                continue;
            }
            List<Object> owners = instances.stream().filter(instance -> relationship.get(instance) == null).toList();
            if (!owners.isEmpty()) {
                Groups loaded = loadCollections(persister, relationship, owners, plan.child(relationship));
                for (int i = 0; i < loaded.owners.size(); i++) {
                    List<Object> elements = loaded.elements.get(i);
                    relationship.set(loaded.owners.get(i), elements.isEmpty() ? null : elements.get(0));
                }
            }
        }
    }

    /** Records a collection as loaded with {@code elements}: in the field and as the entry's snapshot. */
    void filled(EntityPersister persister, Object owner, RelationshipModel relationship, List<Object> elements) {
        Object collection = relationship.get(owner);
        if (collection instanceof LazyCollection lazy) {
            lazy.fill(elements);
        }
        EntityEntry entry = session.persistenceContext().entryOf(owner, persister);
        if (entry != null && entry.collections() != null) {
            entry.recordCollection(persister.collections().indexOf(relationship), elements, collection);
        }
    }

    /** Replaces the foreign-key ids in {@code rows} by the objects they refer to, loading those not in the session. */
    void resolveReferences(EntityPersister persister, List<Object[]> rows, LoadPlan plan) {
        for (int index : persister.references()) {
            RelationshipModel relationship = persister.referenceOf(index);
            EntityPersister target = context.persister(relationship.target());
            Set<Object> missing = new LinkedHashSet<>();
            for (Object[] values : rows) {
                Object id = values[index];
                if (id != null && !session.persistenceContext().holdsKey(target.keyType(), id)) {
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
                EntityEntry entry = session.persistenceContext().byKey(target.keyType(), id);
                if (entry == null) {
                    throw new DatabaseException(persister.entityName() + "#" + values[0] + "." + relationship.name() + " refers to "
                            + target.entityName() + "#" + id + ", which does not exist. To fix this, add a foreign-key "
                            + "constraint to the column " + relationship.joinColumn().column().name() + " (createAll does) "
                            + "and correct the rows that break it.");
                }
                values[index] = entry.instance();
            }
        }
    }

    /** Loads the objects with the given ids, {@link #IN_BATCH} per query. */
    private void loadByIds(EntityPersister persister, List<Object> ids, LoadPlan plan) {
        AttributeModel id = persister.attribute(0);
        for (int start = 0; start < ids.size(); start += IN_BATCH) {
            List<Object> batch = ids.subList(start, Math.min(ids.size(), start + IN_BATCH));
            Expression where = LoadStatements.in(context.dialect(), persister.model().table().name(), id, batch);
            if (persister.hierarchy() != null) {
                // A reference to a class of a hierarchy: each row becomes an instance of its own class.
                polymorphic(persister, where, plan);
                continue;
            }
            Statement.Select select = new Statement.Select(persister.model().table().name(), LoadStatements.qualifiedColumns(persister),
                    Optional.of(where), List.of(), Optional.empty(), Optional.empty());
            loader.hydrateAll(persister, reader.readRows(persister, context.compileQuery(select), new Object[0], 0), plan);
        }
    }

    /**
     * What a collection load found: the owners asked for, each once, in the order given, and the elements of each
     * (an empty list for an owner without any).
     */
    record Groups(List<Object> owners, List<List<Object>> elements) {
        /** The elements loaded for one owner (of a one-owner load). */
        List<Object> only() {
            return elements.isEmpty() ? List.of() : elements.get(0);
        }
    }

    /**
     * The related objects of each owner for a to-many or inverse one-to-one relationship, loaded with one
     * {@code IN} query per {@link #IN_BATCH} owners, in the relationship's order. Each child goes to its group by the
     * owner id its row holds: one lookup per child, without hashing any object's identity.
     */
    Groups loadCollections(EntityPersister owner, RelationshipModel relationship, List<Object> owners, LoadPlan plan) {
        AttributeModel idAttribute = owner.attribute(0);
        Map<Object, List<Object>> groupById = new HashMap<>(JoinedLoad.capacityFor(owners.size()));
        List<Object> distinct = new ArrayList<>(owners.size());
        List<Object> ids = new ArrayList<>(owners.size());
        List<List<Object>> groups = new ArrayList<>(owners.size());
        for (Object instance : owners) {
            Object id = idAttribute.get(instance);
            List<Object> group = new ArrayList<>();
            // One instance per id in a session: an owner seen before (a joined result repeats it) is that instance.
            if (groupById.putIfAbsent(id, group) == null) {
                distinct.add(instance);
                ids.add(id);
                groups.add(group);
            }
        }
        EntityPersister target = context.persister(relationship.target());
        for (int start = 0; start < ids.size(); start += IN_BATCH) {
            List<Object> batch = ids.subList(start, Math.min(ids.size(), start + IN_BATCH));
            if (relationship.kind() == RelationshipModel.Kind.MANY_TO_MANY) {
                loadThroughJoinTable(owner, relationship, target, batch, plan, groupById);
            } else if (target.hierarchy() != null) {
                // Elements of a hierarchy: each row as its own class; grouped by the reference each now holds.
                RelationshipModel owning = target.model().relationship(relationship.mappedBy().orElseThrow()).orElseThrow();
                String table = target.model().table().name();
                for (Object child : polymorphic(target, LoadStatements.in(context.dialect(), table, owning.joinColumn(), batch), plan)) {
                    Object parent = owning.get(child);
                    addTo(groupById, parent == null ? null : idAttribute.get(parent), child);
                }
            } else {
                RelationshipModel owning = target.model().relationship(relationship.mappedBy().orElseThrow()).orElseThrow();
                int keyIndex = target.indexOf(owning);
                String table = target.model().table().name();
                Statement.Select select = new Statement.Select(table, LoadStatements.qualifiedColumns(target),
                        Optional.of(LoadStatements.in(context.dialect(), table, owning.joinColumn(), batch)), LoadStatements.orderBy(relationship, target, table),
                        Optional.empty(), Optional.empty());
                List<Object[]> rows = reader.readRows(target, context.compileQuery(select), new Object[0], 0);
                Object[] keys = new Object[rows.size()];
                for (int i = 0; i < keys.length; i++) {
                    keys[i] = rows.get(i)[keyIndex];
                }
                List<Object> children = loader.hydrateAll(target, rows, plan);
                for (int i = 0; i < keys.length; i++) {
                    addTo(groupById, keys[i], children.get(i));
                }
            }
        }
        return new Groups(distinct, groups);
    }

    /** Adds a child to the group of the owner with this id, if that owner was asked for. */
    private static void addTo(Map<Object, List<Object>> groupById, Object ownerId, Object child) {
        List<Object> group = ownerId == null ? null : groupById.get(ownerId);
        if (group != null) {
            group.add(child);
        }
    }

    private void loadThroughJoinTable(EntityPersister owner, RelationshipModel relationship, EntityPersister target,
                                      List<Object> batch, LoadPlan plan, Map<Object, List<Object>> groupById) {
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
        columns.addAll(LoadStatements.qualifiedColumns(target));
        List<Object> ownerKeys = batch.stream().map(id -> owner.attribute(0).toStored(id)).toList();
        Statement.Select select = new Statement.Select(false, columns, table, null,
                List.of(new Statement.Join(Statement.JoinKind.INNER, link, null, Expression.eq(new Expression.ColumnRef(link, targetColumn),
                        new Expression.ColumnRef(table, target.attribute(0).column().name())))),
                Optional.of(LoadStatements.in(context.dialect(), new Expression.ColumnRef(link, ownerColumn), owner.type(0), ownerKeys)), List.of(),
                Optional.empty(), LoadStatements.orderBy(relationship, target, table), Optional.empty(), Optional.empty());
        List<Object[]> rows = reader.readRows(target, context.compileQuery(select), new Object[0], 1);
        List<Object> keys = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            keys.add(owner.attribute(0).fromStored(Ids.coerce(owner.attribute(0), row[row.length - 1], () -> "join table key")));
        }
        List<Object[]> entityRows = rows.stream().map(row -> java.util.Arrays.copyOf(row, row.length - 1)).toList();
        List<Object> children = loader.hydrateAll(target, entityRows, plan);
        for (int i = 0; i < children.size(); i++) {
            addTo(groupById, keys.get(i), children.get(i));
        }
    }

    /** The rows of a hierarchy's entity matching {@code where}, each hydrated as the class it is. */
    private List<Object> polymorphic(EntityPersister persister, Expression where, LoadPlan plan) {
        String table = persister.model().table().name();
        Statement.Select base = new Statement.Select(table, List.of(), Optional.of(where), List.of(), Optional.empty(),
                Optional.empty());
        return context.polymorphicLoader(persister).list(session, loader, base, "the related " + persister.entityName() + " objects",
                plan);
    }

    /** Whether rows of this entity can be of a subclass (so a stand-in of this class could be the wrong class). */
    static boolean hasSubclasses(EntityPersister persister) {
        return persister.hierarchy() != null && persister.hierarchy().members().stream().anyMatch(member ->
                member.javaType() != persister.entityType() && persister.entityType().isAssignableFrom(member.javaType()));
    }
}
