package dev.retort.session.load;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.InheritanceType;

import dev.retort.DatabaseException;
import dev.retort.UnsupportedFeatureException;
import dev.retort.mapping.AttributeModel;
import dev.retort.mapping.Hierarchy;
import dev.retort.session.SessionContext;
import dev.retort.session.SessionImpl;
import dev.retort.session.Statements;
import dev.retort.session.persister.EntityPersister;
import dev.retort.sql.Column;
import dev.retort.sql.CompiledStatement;
import dev.retort.sql.Expression;
import dev.retort.sql.Statement;
import dev.retort.sql.Table;

/**
 * Queries of an entity of a hierarchy, which return instances of the entity and of its listed subclasses:
 * SINGLE_TABLE reads the shared table (restricted to the discriminator values of the entity and its
 * subclasses unless it is the root) and picks each row's class by its discriminator; JOINED reads the
 * entity's table joined to its ancestors' (inner joins) and its subclasses' (left joins) and picks the class
 * the root's discriminator names when it declares one, else the deepest class whose table has the row; TABLE_PER_CLASS runs one SELECT per concrete class's table,
 * the table aliased by the queried entity's table name so that conditions on its attributes apply to each.
 * Immutable and thread-safe; one per queried entity, shared by the sessions of a factory.
 */
public final class PolymorphicLoader {
    /** A class a row can be: its persister and the result column (1-based) of each of its attributes. */
    private record Member(EntityPersister persister, int[] columns, int keyColumn, boolean isAbstract) {
        Member(EntityPersister persister, int[] columns, int keyColumn) {
            this(persister, columns, keyColumn, java.lang.reflect.Modifier.isAbstract(persister.entityType().getModifiers()));
        }
    }

    /** One SELECT of the query: what it reads, and the classes its rows can be. */
    private record Part(String table, String alias, List<Statement.Join> joins, Optional<Expression> where,
                        List<Expression> columns, List<Member> members) {
    }

    private final SessionContext context;
    private final EntityPersister queried;
    private final Hierarchy hierarchy;
    private final List<Part> parts = new ArrayList<>();
    private final Map<String, Member> byDiscriminator = new LinkedHashMap<>();

    public PolymorphicLoader(SessionContext context, EntityPersister queried) {
        this.context = context;
        this.queried = queried;
        this.hierarchy = queried.hierarchy();
        List<EntityPersister> members = hierarchy.membersUnder(queried.entityType()).stream()
                .map(model -> context.persister(model.javaType())).toList();
        switch (hierarchy.strategy()) {
            case SINGLE_TABLE:
                parts.add(singleTable(members));
                break;
            case JOINED:
                parts.add(joined(members));
                break;
            default:
                for (EntityPersister member : members) {
                    if (!java.lang.reflect.Modifier.isAbstract(member.entityType().getModifiers())) {
                        parts.add(concrete(member));
                    }
                }
        }
    }

    private Part singleTable(List<EntityPersister> members) {
        String table = queried.model().table().name();
        Column discriminator = hierarchy.discriminator().orElseThrow();
        Columns columns = new Columns();
        columns.position(table, discriminator.name());
        List<Member> found = new ArrayList<>();
        for (EntityPersister member : members) {
            Member read = new Member(member, columns.of(member, table), 0);
            found.add(read);
            byDiscriminator.put(hierarchy.discriminatorValue(member.entityType()), read);
        }
        return new Part(table, null, List.of(), HierarchyFilters.restriction(queried, table), columns.list, found);
    }

    private Part joined(List<EntityPersister> members) {
        Table own = queried.model().table();
        Expression ownKey = new Expression.ColumnRef(own.name(), own.primaryKey().get(0));
        List<Statement.Join> joins = new ArrayList<>();
        List<Table> ancestors = queried.model().inheritance().orElseThrow().joinedTables();
        for (Table ancestor : ancestors.subList(0, ancestors.size() - 1)) {
            joins.add(keyJoin(Statement.JoinKind.INNER, ancestor, ownKey));
        }
        Columns columns = new Columns();
        // A discriminator, when the root declares one, is the first column: it names the row's class.
        hierarchy.discriminator().ifPresent(discriminator -> columns.position(hierarchy.root().table().name(), discriminator.name()));
        List<Member> found = new ArrayList<>();
        for (EntityPersister member : members) {
            Table table = member.model().table();
            if (member != queried) {
                joins.add(keyJoin(Statement.JoinKind.LEFT, table, ownKey));
            }
            int key = columns.position(table.name(), table.primaryKey().get(0));
            Member read = new Member(member, columns.of(member, null), key);
            found.add(read);
            if (hierarchy.discriminator().isPresent()) {
                byDiscriminator.put(hierarchy.discriminatorValue(member.entityType()), read);
            }
        }
        return new Part(own.name(), null, joins, Optional.empty(), columns.list, found);
    }

    private static Statement.Join keyJoin(Statement.JoinKind kind, Table table, Expression key) {
        return new Statement.Join(kind, table.name(), null,
                Expression.eq(new Expression.ColumnRef(table.name(), table.primaryKey().get(0)), key));
    }

    private Part concrete(EntityPersister member) {
        String table = member.model().table().name();
        String name = queried.model().table().name();
        Columns columns = new Columns();
        return new Part(table, table.equals(name) ? null : name, List.of(), Optional.empty(), columns.list,
                List.of(new Member(member, columns.of(member, name), 0)));
    }

    /** The result columns of a part: each (table, column) once, with its position. */
    private static final class Columns {
        final List<Expression> list = new ArrayList<>();
        private final Map<String, Integer> positions = new LinkedHashMap<>();

        int position(String table, String column) {
            return positions.computeIfAbsent(table + "." + column, key -> {
                list.add(new Expression.ColumnRef(table, column));
                return list.size();
            });
        }

        /** The positions of a member's attributes, in {@code table} or, when null, in the table of each attribute. */
        int[] of(EntityPersister member, String table) {
            int[] columns = new int[member.attributeCount()];
            for (int i = 0; i < columns.length; i++) {
                AttributeModel attribute = member.attribute(i);
                String owner = table != null ? table : member.model().tableOf(attribute);
                columns[i] = position(owner, attribute.column().name());
            }
            return columns;
        }
    }

    // ---- statements ---------------------------------------------------------------------------------

    /** The SELECTs of a query given as {@code base} (FROM the queried entity's table): one, or one per TABLE_PER_CLASS table. */
    List<Statement.Select> selects(Statement.Select base, String query) {
        if (parts.size() > 1 && (!base.orderBy().isEmpty() || base.offset().isPresent())) {
            throw new UnsupportedFeatureException(query + " orders or skips rows across the " + parts.size() + " tables of "
                    + "the TABLE_PER_CLASS hierarchy of " + hierarchy.root().entityName() + " ("
                    + parts.stream().map(Part::table).collect(Collectors.joining(", ")) + "), which Retort reads with one "
                    + "SELECT per table. To fix this, query each concrete class (session.query("
                    + parts.get(0).members().get(0).persister().entityName() + ".class)), or sort the results in Java.");
        }
        List<Statement.Select> selects = new ArrayList<>();
        for (Part part : parts) {
            List<Statement.Join> joins = new ArrayList<>(part.joins());
            joins.addAll(base.joins());
            Optional<Expression> where = and(part.where(), base.where());
            Statement.Select select = new Statement.Select(base.distinct(), base.columns().isEmpty() ? part.columns() : base.columns(),
                    part.table(), part.alias(), joins, where, base.groupBy(), base.having(), base.orderBy(), base.limit(),
                    base.offset());
            Tables.requireRead(select, context, query);
            selects.add(select);
        }
        return selects;
    }

    private static Optional<Expression> and(Optional<Expression> first, Optional<Expression> second) {
        if (first.isEmpty() || second.isEmpty()) {
            return first.isPresent() ? first : second;
        }
        return Optional.of(new Expression.And(List.of(first.get(), second.get())));
    }

    // ---- running ------------------------------------------------------------------------------------

    /** The instances of the query's rows, of the classes the rows are; at most {@code base.limit()} of them. */
    public List<Object> list(SessionImpl session, Loader loader, Statement.Select base, String query, LoadPlan plan) {
        List<Object> results = new ArrayList<>();
        List<Statement.Select> selects = selects(withColumns(base, List.of()), query);
        for (int index = 0; index < selects.size(); index++) {
            if (base.limit().isPresent() && results.size() >= base.limit().get()) {
                break;
            }
            read(session, loader, context.compileQuery(selects.get(index)), parts.get(index), plan, results);
        }
        return base.limit().isPresent() && results.size() > base.limit().get() ? results.subList(0, base.limit().get()) : results;
    }

    /**
     * The query's instances read through an open cursor as the stream is pulled, {@code batchSize} rows per
     * batch; over the tables of a TABLE_PER_CLASS hierarchy, one SELECT after the other.
     */
    public Stream<Object> stream(SessionImpl session, Loader loader, Statement.Select base, String query, int batchSize,
                                 LoadPlan plan) {
        List<Statement.Select> selects = selects(withColumns(base, List.of()), query);
        List<EntityStream.Source> sources = new ArrayList<>(selects.size());
        for (int index = 0; index < selects.size(); index++) {
            Part part = parts.get(index);
            sources.add(new EntityStream.Source(context.compileQuery(selects.get(index)),
                    resultSet -> hydrate(loader, resultSet, part, plan)));
        }
        return new EntityStream(session, loader, queried, sources, batchSize, base.limit().map(Long::valueOf).orElse(Long.MAX_VALUE))
                .open();
    }

    /** COUNT(*) of the query's rows, summed over the tables of a TABLE_PER_CLASS hierarchy. */
    public long count(Loader loader, Statement.Select base, String query) {
        long total = 0;
        for (Statement.Select select : selects(withColumns(base, List.of(new Expression.CountAll())), query)) {
            total += loader.selectLong(queried, context.compileQuery(select));
        }
        return total;
    }

    /** The row with this id, as the instance of its class, if it is of the queried entity or below. */
    List<Object> byId(SessionImpl session, Loader loader, Object id) {
        Table table = queried.model().table();
        Expression matches = Expression.eq(new Expression.ColumnRef(table.name(), table.primaryKey().get(0)),
                new Expression.Value(queried.attribute(0).toStored(id), queried.type(0)));
        Statement.Select base = new Statement.Select(table.name(), List.of(), Optional.of(matches), List.of(),
                Optional.empty(), Optional.empty());
        return list(session, loader, base, "session.get(" + queried.entityName() + ", " + id + ")", LoadPlan.DEFAULT);
    }

    private static Statement.Select withColumns(Statement.Select base, List<Expression> columns) {
        return new Statement.Select(base.distinct(), columns, base.table(), base.tableAlias(), base.joins(), base.where(),
                base.groupBy(), base.having(), base.orderBy(), base.limit(), base.offset());
    }

    private void read(SessionImpl session, Loader loader, CompiledStatement compiled, Part part, LoadPlan plan, List<Object> results) {
        Statements statements = new Statements(session);
        try (PreparedStatement statement = statements.prepare(session.connection(), compiled)) {
            queried.bind(statement, compiled, new Object[0]);
            statements.logQuery(compiled, new Object[0]);
            boolean alone = part.members().stream().allMatch(member ->
                    loader.hydratesAlone(member.persister(), plan.boundTo(member.persister().model())));
            List<Member> members = new ArrayList<>();
            List<Object[]> rows = new ArrayList<>();
            int count = 0;
            long started = statements.started();
            try (ResultSet resultSet = statement.executeQuery()) {
                statements.executed(compiled, started);
                while (resultSet.next()) {
                    Member member = memberOf(resultSet, part);
                    Object[] values = member.persister().readRow(resultSet, member.columns());
                    count++;
                    if (alone) {
                        // Nothing to load per class: each row becomes its instance at once.
                        results.add(loader.hydrateAlone(member.persister(), values, plan.boundTo(member.persister().model())));
                    } else {
                        members.add(member);
                        rows.add(values);
                    }
                }
            }
            statements.read(count);
            if (!alone) {
                session.persistenceContext().expectLoads(queried.keyType(), rows.size());
                results.addAll(hydrateByClass(loader, members, rows, plan));
            }
        } catch (SQLException e) {
            throw statements.queryFailed(compiled, e);
        }
    }

    /**
     * The instances of rows read, in their order: the rows of each class hydrated together, so that their
     * references and eager relationships load once per class, not once per row.
     */
    private static List<Object> hydrateByClass(Loader loader, List<Member> members, List<Object[]> rows, LoadPlan plan) {
        // Grouped by identity, in the order the classes first appear: a record's hash per row cost more than the grouping.
        Map<Member, List<Object[]>> rowsByClass = new IdentityHashMap<>();
        List<Member> order = new ArrayList<>();
        Member last = null;
        List<Object[]> ofLast = null;
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            if (member != last) {
                last = member;
                ofLast = rowsByClass.get(member);
                if (ofLast == null) {
                    ofLast = new ArrayList<>();
                    rowsByClass.put(member, ofLast);
                    order.add(member);
                }
            }
            ofLast.add(rows.get(i));
        }
        Map<Member, Iterator<Object>> instancesByClass = new IdentityHashMap<>();
        for (Member member : order) {
            instancesByClass.put(member, loader.hydrateAll(member.persister(), rowsByClass.get(member),
                    plan.boundTo(member.persister().model())).iterator());
        }
        List<Object> instances = new ArrayList<>(rows.size());
        for (Member member : members) {
            instances.add(instancesByClass.get(member).next());
        }
        return instances;
    }

    /** The session's instance for the row under the cursor, of the row's class. */
    private Object hydrate(Loader loader, ResultSet resultSet, Part part, LoadPlan plan) throws SQLException {
        Member member = memberOf(resultSet, part);
        return loader.hydrate(member.persister(), member.persister().readRow(resultSet, member.columns()),
                plan.boundTo(member.persister().model()));
    }

    /** The class of the row under the cursor. */
    private Member memberOf(ResultSet resultSet, Part part) throws SQLException {
        Member member;
        if (hierarchy.strategy() == InheritanceType.SINGLE_TABLE) {
            String value = resultSet.getString(1);
            member = byDiscriminator.get(value);
            if (member == null) {
                throw new DatabaseException("A row of table " + part.table() + " (id " + resultSet.getObject(part.members().get(0)
                        .columns()[0]) + ") has " + hierarchy.discriminator().orElseThrow().name() + " '" + value + "', which "
                        + "is the discriminator value of no entity of " + describeMembers() + ". To fix this, list the "
                        + "entity with @DiscriminatorValue(\"" + value + "\") (or that entity name) in Metadata.of(...) "
                        + "beside " + hierarchy.root().entityName() + ".");
            }
        } else {
            member = namedByDiscriminator(resultSet, part);
            // JOINED without a discriminator (or with a value this query does not read): the deepest table with the row.
            for (int i = part.members().size() - 1; member == null; i--) {
                Member candidate = part.members().get(i);
                if (i == 0 || candidate.keyColumn() > 0 && resultSet.getObject(candidate.keyColumn()) != null) {
                    member = candidate;
                }
            }
        }
        if (member.isAbstract()) {
            throw new DatabaseException("A row of table " + part.table() + " (id " + resultSet.getObject(member.columns()[0])
                    + ") is a plain " + member.persister().entityName() + ", which is abstract and cannot be instantiated: "
                    + (hierarchy.strategy() == InheritanceType.JOINED ? "none of the tables of its subclasses in this Metadata "
                    + "has the row" : "its discriminator names the abstract class") + ". To fix this, list the subclass "
                    + "the row belongs to in Metadata.of(...), or make " + member.persister().entityName() + " concrete.");
        }
        return member;
    }

    /** The member a JOINED root's discriminator names for the row under the cursor, when it has one of this part; else null. */
    private Member namedByDiscriminator(ResultSet resultSet, Part part) throws SQLException {
        if (hierarchy.discriminator().isEmpty()) {
            return null;
        }
        Member named = byDiscriminator.get(resultSet.getString(1));
        return part.members().contains(named) ? named : null;
    }

    private String describeMembers() {
        return "this Metadata (" + byDiscriminator.entrySet().stream()
                .map(entry -> "'" + entry.getKey() + "' is " + entry.getValue().persister().entityName())
                .collect(Collectors.joining(", ")) + ")";
    }
}
