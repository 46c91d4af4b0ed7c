package dev.retort.session.load;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.retort.InvalidRequestException;
import dev.retort.mapping.RelationshipModel;
import dev.retort.session.SessionImpl;
import dev.retort.session.Statements;
import dev.retort.session.persister.EntityPersister;
import dev.retort.session.state.LazyCollection;
import dev.retort.session.state.PersistenceContext;
import dev.retort.sql.CompiledStatement;
import dev.retort.sql.Expression;
import dev.retort.sql.OrderItem;
import dev.retort.sql.Statement;

/**
 * A query whose {@link LoadPlan} loads relationships with {@code Load.joined}: each joined relationship
 * adds a {@code LEFT OUTER JOIN} of its table under an alias ({@code j1}, {@code j2}, ...; a
 * many-to-many also joins its join table) and the table's columns, so one statement reads the objects
 * and their related objects. Parent rows repeat per child and are read once; related objects are
 * hydrated first for to-one relationships (so the parents' references resolve without a query) and
 * after their parents for collections.
 */
public final class JoinedLoad {
    private final SessionImpl session;
    private final Loader loader;
    private final EntityPersister root;
    private final LoadPlan plan;
    private int aliases;

    /** One joined relationship: its alias, the offset of its columns in a row, its own joined children. */
    private final class Node {
        final RelationshipModel relationship;
        final EntityPersister target;
        final String alias;
        final int offset;
        final LoadPlan plan;
        final List<Node> children = new ArrayList<>();
        final DistinctRows rows = new DistinctRows();
        final List<Object[]> pairs = new ArrayList<>();
        final Set<List<Object>> seenPairs = new HashSet<>();

        Node(RelationshipModel relationship, String alias, int offset, LoadPlan plan) {
            this.relationship = relationship;
            this.target = session.context().persister(relationship.target());
            this.alias = alias;
            this.offset = offset;
            this.plan = plan;
        }
    }

    /** The rows of one table's objects, one per object id, in the order first read. */
    private static final class DistinctRows {
        final List<Object[]> rows = new ArrayList<>();
        private final Set<Object> ids = new HashSet<>();
        /** The previous result row's id: the rows of one object usually follow each other (the order says so). */
        private Object lastId;

        /** Whether the result row's object {@code id} is seen for the first time, so that its columns are to be read. */
        boolean first(Object id) {
            boolean first = !id.equals(lastId) && ids.add(id);
            lastId = id;
            return first;
        }
    }

    public JoinedLoad(SessionImpl session, Loader loader, EntityPersister root, LoadPlan plan) {
        this.session = session;
        this.loader = loader;
        this.root = root;
        this.plan = plan;
    }

    public List<Object> run(Statement.Select base, String description) {
        List<Expression> columns = new ArrayList<>(base.columns());
        List<Statement.Join> joins = new ArrayList<>(base.joins());
        List<OrderItem> childOrder = new ArrayList<>();
        List<Node> top = nodes(root, root.model().table().name(), plan, columns, joins, childOrder);
        if ((base.limit().isPresent() || base.offset().isPresent()) && anyToMany(top)) {
            throw new InvalidRequestException(description + " loads a collection with Load.joined and also limits its rows "
                    + "(limit, offset or first()): the limit would count joined rows, not " + root.entityName()
                    + " objects. To fix this, use Load.selectIn for the collection (one more query, exact results).");
        }
        List<OrderItem> order = new ArrayList<>(base.orderBy());
        if (!childOrder.isEmpty()) {
            // Rows of one object stay together; its related objects come in their relationship's order.
            Expression rootId = new Expression.ColumnRef(root.model().table().name(), root.attribute(0).column().name());
            if (order.stream().noneMatch(item -> item.expression().equals(rootId))) {
                order.add(new OrderItem(rootId, false));
            }
            order.addAll(childOrder);
        }
        Statement.Select select = new Statement.Select(base.distinct(), columns, base.table(), base.tableAlias(), joins,
                base.where(), base.groupBy(), base.having(), order, base.limit(), base.offset());
        CompiledStatement compiled = session.context().compileQuery(select);
        DistinctRows rootRows = new DistinctRows();
        Statements statements = new Statements(session);
        try (PreparedStatement statement = statements.prepare(session.connection(), compiled)) {
            root.bind(statement, compiled, new Object[0]);
            statements.logQuery(compiled, new Object[0]);
            long started = statements.started();
            try (ResultSet resultSet = statement.executeQuery()) {
                statements.executed(compiled, started);
                long read = 0;
                while (resultSet.next()) {
                    read++;
                    // A parent repeats on each of its children's rows: its columns are read the first time only.
                    Object id = root.readId(resultSet, 1);
                    if (rootRows.first(id)) {
                        rootRows.rows.add(root.readRow(resultSet, 0));
                    }
                    read(resultSet, id, top);
                }
                statements.read(read);
            }
        } catch (SQLException e) {
            throw statements.queryFailed(compiled, e);
        }
        return hydrate(root, rootRows.rows, plan, top);
    }

    private static boolean anyToMany(List<Node> nodes) {
        return nodes.stream().anyMatch(node -> node.relationship.toMany() || anyToMany(node.children));
    }

    /** Adds the joins and columns of the plan's joined relationships of {@code owner} (under {@code ownerAlias}). */
    private List<Node> nodes(EntityPersister owner, String ownerAlias, LoadPlan levelPlan, List<Expression> columns,
                             List<Statement.Join> joins, List<OrderItem> childOrder) {
        List<Node> nodes = new ArrayList<>();
        for (RelationshipModel relationship : levelPlan.joined()) {
            String alias = "j" + (++aliases);
            Node node = new Node(relationship, alias, columns.size(), levelPlan.child(relationship));
            EntityPersister target = node.target;
            if (target.hierarchy() != null) {
                throw new dev.retort.UnsupportedFeatureException("Load.joined(" + relationship + ") is not supported: "
                        + target.entityName() + " is an entity of an inheritance hierarchy, whose rows Retort does not "
                        + "read through a JOIN of another query yet. To fix this, use Load.selectIn(" + relationship.owner()
                        .getSimpleName() + "_." + relationship.name() + ").");
            }
            String targetId = target.attribute(0).column().name();
            String ownerId = owner.attribute(0).column().name();
            Expression on;
            if (relationship.joinColumn() != null) {
                on = Expression.eq(new Expression.ColumnRef(alias, targetId),
                        new Expression.ColumnRef(ownerAlias, relationship.joinColumn().column().name()));
            } else if (relationship.kind() == RelationshipModel.Kind.MANY_TO_MANY) {
                RelationshipModel owning = relationship.owning() ? relationship
                        : session.context().otherSide(relationship).orElseThrow();
                RelationshipModel.JoinTable table = owning.joinTable();
                String link = alias + "_link";
                String near = relationship.owning() ? table.ownerColumn() : table.targetColumn();
                String far = relationship.owning() ? table.targetColumn() : table.ownerColumn();
                joins.add(new Statement.Join(Statement.JoinKind.LEFT, table.table().name(), link,
                        Expression.eq(new Expression.ColumnRef(link, near), new Expression.ColumnRef(ownerAlias, ownerId))));
                on = Expression.eq(new Expression.ColumnRef(alias, targetId), new Expression.ColumnRef(link, far));
            } else {
                RelationshipModel owning = session.context().otherSide(relationship).orElseThrow();
                on = Expression.eq(new Expression.ColumnRef(alias, owning.joinColumn().column().name()),
                        new Expression.ColumnRef(ownerAlias, ownerId));
            }
            joins.add(new Statement.Join(Statement.JoinKind.LEFT, target.model().table().name(), alias, on));
            for (int i = 0; i < target.attributeCount(); i++) {
                columns.add(new Expression.ColumnRef(alias, target.attribute(i).column().name()));
            }
            if (relationship.toMany()) {
                for (OrderItem item : LoadStatements.orderBy(relationship, target, alias)) {
                    childOrder.add(item);
                }
            }
            node.children.addAll(nodes(target, alias, node.plan, columns, joins, childOrder));
            nodes.add(node);
        }
        return nodes;
    }

    /** Records the related rows of one result row, under the parent with id {@code parentId}. */
    private void read(ResultSet resultSet, Object parentId, List<Node> nodes) throws SQLException {
        for (Node node : nodes) {
            Object id = node.target.readId(resultSet, node.offset + 1);
            if (id == null) {
                continue;
            }
            boolean first = node.rows.first(id);
            if (first) {
                node.rows.rows.add(node.target.readRow(resultSet, node.offset));
            }
            if (node.relationship.kind() == RelationshipModel.Kind.MANY_TO_MANY) {
                if (node.seenPairs.add(List.of(parentId, id))) {
                    node.pairs.add(new Object[] {parentId, id});
                }
            } else if (first && (node.relationship.toMany() || !node.relationship.owning())) {
                // A one-to-many or inverse one-to-one child has one parent: its first row is its one pair. (An owning
                // to-one needs no pairs: the parent's foreign key finds the object in the identity map.)
                node.pairs.add(new Object[] {parentId, id});
            }
            read(resultSet, id, node.children);
        }
    }

    private List<Object> hydrate(EntityPersister persister, List<Object[]> rows, LoadPlan levelPlan, List<Node> nodes) {
        for (Node node : nodes) {
            if (!node.relationship.toMany() && node.relationship.owning()) {
                hydrateNode(node);
            }
        }
        Set<RelationshipModel> filled = new HashSet<>();
        nodes.forEach(node -> filled.add(node.relationship));
        List<Object> parents = loader.hydrateAll(persister, rows, levelPlan, filled);
        for (Node node : nodes) {
            if (node.relationship.toMany() || !node.relationship.owning()) {
                hydrateNode(node);
                PersistenceContext objects = session.persistenceContext();
                Class<?> keyType = node.target.keyType();
                Map<Object, List<Object>> groups = new HashMap<>(capacityFor(parents.size()));
                for (Object[] pair : node.pairs) {
                    // The child was just hydrated: the identity map holds it under its id.
                    groups.computeIfAbsent(pair[0], key -> new ArrayList<>()).add(objects.byKey(keyType, pair[1]).instance());
                }
                for (int i = 0; i < parents.size(); i++) {
                    Object parent = parents.get(i);
                    List<Object> group = groups.getOrDefault(rows.get(i)[0], List.of());
                    if (node.relationship.toMany()) {
                        if (node.relationship.get(parent) instanceof LazyCollection collection && !collection.loaded()) {
                            loader.filled(persister, parent, node.relationship, group);
                        }
                    } else if (node.relationship.get(parent) == null) {
                        node.relationship.set(parent, group.isEmpty() ? null : group.get(0));
                    }
                }
            }
        }
        return parents;
    }

    /** A HashMap capacity that holds {@code entries} without growing. */
    static int capacityFor(int entries) {
        return (int) (entries / 0.75f) + 1;
    }

    /** Hydrates the node's objects with their own joined relationships; the identity map then holds them by id. */
    private void hydrateNode(Node node) {
        hydrate(node.target, node.rows.rows, node.plan, node.children);
    }
}
