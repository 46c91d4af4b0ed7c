package dev.retort.shard;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import dev.retort.Alias;
import dev.retort.Attribute;
import dev.retort.Cte;
import dev.retort.Expr;
import dev.retort.InvalidRequestException;
import dev.retort.MultipleResultsFoundException;
import dev.retort.NoResultFoundException;
import dev.retort.Order;
import dev.retort.Predicate;
import dev.retort.Relation;
import dev.retort.Row;
import dev.retort.SelectQuery;
import dev.retort.UnsupportedFeatureException;
import dev.retort.mapping.AttributeModel;
import dev.retort.mapping.EntityMappings;
import dev.retort.mapping.EntityModel;
import dev.retort.sql.Expression;
import dev.retort.sql.Statement;

/**
 * A tuple query of a sharded session ({@code session.select(...)}): the same query built on every shard's
 * session, run on the shards the query chooser names, the rows merged. As {@link ShardedQuery}, each shard is
 * asked for its first {@code offset + limit} rows in order, and the merged rows are ordered (by selected
 * columns), made distinct when asked, then cut. Grouping and aggregates are computed per shard, so over
 * several shards they are refused rather than merged wrong. Immutable, as every query.
 */
final class ShardedSelectQuery implements SelectQuery, ShardQuery {
    private final ShardedSessionImpl session;
    private final List<Expr<?>> columns;
    /** The query on each shard, without limit and offset; in the shards' order. */
    private final Map<String, SelectQuery> queries;
    /** The entity whose table the query reads (the first selected attribute's, or {@code from}'s), or null. */
    private final Class<?> entityType;
    private final List<Expression> conditions;
    private final List<Order> orders;
    private final Integer limit;
    private final Integer offset;
    /** Rows equal in every column are kept once after the merge (distinct, or a union without ALL). */
    private final boolean distinct;
    /** What makes each shard's rows summaries of that shard only (groupBy, having), for the refusal; or null. */
    private final String perShardOnly;

    ShardedSelectQuery(ShardedSessionImpl session, List<Expr<?>> columns, Map<String, SelectQuery> queries) {
        this(session, columns, queries, firstEntity(columns), List.of(), List.of(), null, null, false, aggregateIn(columns));
    }

    private ShardedSelectQuery(ShardedSessionImpl session, List<Expr<?>> columns, Map<String, SelectQuery> queries,
                               Class<?> entityType, List<Expression> conditions, List<Order> orders, Integer limit,
                               Integer offset, boolean distinct, String perShardOnly) {
        this.session = session;
        this.columns = columns;
        this.queries = queries;
        this.entityType = entityType;
        this.conditions = conditions;
        this.orders = orders;
        this.limit = limit;
        this.offset = offset;
        this.distinct = distinct;
        this.perShardOnly = perShardOnly;
    }

    private static Class<?> firstEntity(List<Expr<?>> columns) {
        for (Expr<?> column : columns) {
            if (column instanceof Attribute<?, ?> attribute) {
                return attribute.entityType();
            }
        }
        return null;
    }

    /** The first selected column that aggregates rows, described, or null. */
    private static String aggregateIn(List<Expr<?>> columns) {
        for (Expr<?> column : columns) {
            if (aggregates(column.node())) {
                return "the aggregate " + column;
            }
        }
        return null;
    }

    private static boolean aggregates(Expression node) {
        if (node instanceof Expression.CountAll || node instanceof Expression.Window) {
            return true;
        }
        if (node instanceof Expression.Function function) {
            switch (function.name()) {
                case COUNT: case SUM: case AVG: case MIN: case MAX:
                    return true;
                default:
                    return function.arguments().stream().anyMatch(ShardedSelectQuery::aggregates);
            }
        }
        if (node instanceof Expression.Arithmetic arithmetic) {
            return aggregates(arithmetic.left()) || aggregates(arithmetic.right());
        }
        if (node instanceof Expression.Concat concat) {
            return concat.operands().stream().anyMatch(ShardedSelectQuery::aggregates);
        }
        if (node instanceof Expression.Case caseWhen) {
            return caseWhen.whens().stream().anyMatch(when -> aggregates(when.condition()) || aggregates(when.result()))
                    || caseWhen.otherwise() != null && aggregates(caseWhen.otherwise());
        }
        return false;
    }

    private ShardedSelectQuery with(Map<String, SelectQuery> refined, Class<?> entity, List<Expression> where,
                                    List<Order> order, Integer rows, Integer skip, boolean unique, String summary) {
        return new ShardedSelectQuery(session, columns, refined, entity, where, order, rows, skip, unique, summary);
    }

    /** This query refined the same way on every shard. */
    private ShardedSelectQuery onEach(UnaryOperator<SelectQuery> step) {
        return with(refined(step), entityType, conditions, orders, limit, offset, distinct, perShardOnly);
    }

    private Map<String, SelectQuery> refined(UnaryOperator<SelectQuery> step) {
        Map<String, SelectQuery> refined = new LinkedHashMap<>();
        queries.forEach((name, query) -> refined.put(name, step.apply(query)));
        return refined;
    }

    // ---- what the query chooser sees ----------------------------------------------------------------

    @Override
    public Class<?> entityType() {
        return entityType;
    }

    @Override
    public Optional<Set<Object>> values(Attribute<?, ?> attribute) {
        AttributeModel model = EntityMappings.of(attribute.entityType()).requireAttribute(attribute.name());
        return new FilterValues((Expression.ColumnRef) attribute.node(), model).allowedBy(conditions);
    }

    @Override
    public Optional<Set<Object>> values(String attribute) {
        if (entityType == null) {
            throw new InvalidRequestException("values(\"" + attribute + "\") names an attribute by name, but "
                    + describe() + " selects no attribute of an entity and names none with from(...). To fix this, pass "
                    + "the attribute itself (values(City_.continent)), or add from(Entity.class) to the query.");
        }
        EntityModel model = EntityMappings.of(entityType);
        AttributeModel named = model.requireAttribute(attribute);
        Expression.ColumnRef column = new Expression.ColumnRef(model.tableOf(named), named.column().name());
        return new FilterValues(column, named).allowedBy(conditions);
    }

    // ---- building -----------------------------------------------------------------------------------

    @Override
    public SelectQuery from(Class<?> entity) {
        return with(refined(query -> query.from(entity)), entity, conditions, orders, limit, offset, distinct, perShardOnly);
    }

    @Override
    public SelectQuery where(Predicate condition) {
        List<Expression> more = new ArrayList<>(conditions);
        more.add(condition.node());
        return with(refined(query -> query.where(condition)), entityType, List.copyOf(more), orders, limit, offset, distinct,
                perShardOnly);
    }

    @Override
    public SelectQuery groupBy(Expr<?>... expressions) {
        return with(refined(query -> query.groupBy(expressions)), entityType, conditions, orders, limit, offset, distinct,
                perShardOnly != null ? perShardOnly : "groupBy(...)");
    }

    @Override
    public SelectQuery having(Predicate condition) {
        return with(refined(query -> query.having(condition)), entityType, conditions, orders, limit, offset, distinct,
                perShardOnly != null ? perShardOnly : "having(...)");
    }

    @Override
    public SelectQuery join(Class<?> entity, Predicate on) {
        return onEach(query -> query.join(entity, on));
    }

    @Override
    public SelectQuery leftJoin(Class<?> entity, Predicate on) {
        return onEach(query -> query.leftJoin(entity, on));
    }

    @Override
    public SelectQuery join(Relation<?, ?> relationship) {
        return onEach(query -> query.join(relationship));
    }

    @Override
    public SelectQuery leftJoin(Relation<?, ?> relationship) {
        return onEach(query -> query.leftJoin(relationship));
    }

    @Override
    public SelectQuery fullJoin(Class<?> entity, Predicate on) {
        return onEach(query -> query.fullJoin(entity, on));
    }

    @Override
    public SelectQuery join(Alias<?> alias, Predicate on) {
        return onEach(query -> query.join(alias, on));
    }

    @Override
    public SelectQuery leftJoin(Alias<?> alias, Predicate on) {
        return onEach(query -> query.leftJoin(alias, on));
    }

    @Override
    public SelectQuery with(Cte... tables) {
        return onEach(query -> query.with(tables));
    }

    @Override
    public SelectQuery from(Cte table) {
        return onEach(query -> query.from(table));
    }

    @Override
    public SelectQuery join(Cte table, Predicate on) {
        return onEach(query -> query.join(table, on));
    }

    @Override
    public SelectQuery union(SelectQuery other) {
        return with(refined(query -> query.union(onShardOf(other, query))), entityType, conditions, orders, limit, offset, true,
                perShardOnly);
    }

    @Override
    public SelectQuery unionAll(SelectQuery other) {
        return onEach(query -> query.unionAll(onShardOf(other, query)));
    }

    /** The other query of a union, as built on the same shard as {@code query}. */
    private SelectQuery onShardOf(SelectQuery other, SelectQuery query) {
        if (!(other instanceof ShardedSelectQuery sharded) || sharded.session != session) {
            throw new InvalidRequestException(describe() + ".union(...) takes another select(...) of the same sharded "
                    + "session, so that each shard unites its own rows. To fix this, build the other query with this "
                    + "session's select(...).");
        }
        for (Map.Entry<String, SelectQuery> entry : queries.entrySet()) {
            if (entry.getValue() == query) {
                return sharded.queries.get(entry.getKey());
            }
        }
        throw new IllegalStateException("a shard's query is not among this query's shards");
    }

    @Override
    public SelectQuery orderBy(Order... terms) {
        Order[] spelled = java.util.Arrays.stream(terms).map(MergeOrder::onEveryShard).toArray(Order[]::new);
        List<Order> more = new ArrayList<>(orders);
        more.addAll(List.of(spelled));
        return with(refined(query -> query.orderBy(spelled)), entityType, conditions, List.copyOf(more), limit, offset,
                distinct, perShardOnly);
    }

    @Override
    public SelectQuery limit(int rows) {
        requireNotNegative("limit", rows);
        return with(queries, entityType, conditions, orders, rows, offset, distinct, perShardOnly);
    }

    @Override
    public SelectQuery offset(int rows) {
        requireNotNegative("offset", rows);
        return with(queries, entityType, conditions, orders, limit, rows, distinct, perShardOnly);
    }

    private static void requireNotNegative(String what, int value) {
        if (value < 0) {
            throw new InvalidRequestException(what + "(" + value + "): the " + what + " must be zero or more.");
        }
    }

    @Override
    public SelectQuery distinct() {
        return with(refined(SelectQuery::distinct), entityType, conditions, orders, limit, offset, true, perShardOnly);
    }

    @Override
    public SelectQuery timeout(java.time.Duration timeout) {
        return onEach(query -> query.timeout(timeout));
    }

    // ---- running ------------------------------------------------------------------------------------

    /** The shards the query chooser names for this query, and their queries. */
    private Map<String, SelectQuery> chosen() {
        session.checkOpen();
        List<String> names = session.factory().queryChooser().shardsFor(this);
        session.sessions(names, "The query chooser (for " + describe() + ")");
        Map<String, SelectQuery> chosen = new LinkedHashMap<>();
        for (String name : names) {
            chosen.put(name, queries.get(name));
        }
        if (chosen.size() > 1 && perShardOnly != null) {
            throw new UnsupportedFeatureException(describe() + " runs on shards " + String.join(", ", chosen.keySet())
                    + ", and with " + perShardOnly + " each shard would summarise its own rows only: Retort does not "
                    + "combine the shards' groups or aggregates. To fix this, let the query chooser send the query to one "
                    + "shard (filter on the shard key), run it on each shard (session.shard(name).select(...)) and combine "
                    + "the results, or select the rows and aggregate them in the application.");
        }
        return chosen;
    }

    @Override
    public List<Row> all() {
        return run(limit, SelectQuery::all, Row::get);
    }

    @Override
    public Row first() {
        List<Row> rows = run(limit == null ? 1 : Math.min(limit, 1), SelectQuery::all, Row::get);
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Override
    public Row one() {
        List<Row> rows = run(limit == null ? 2 : Math.min(limit, 2), SelectQuery::all, Row::get);
        if (rows.isEmpty()) {
            throw new NoResultFoundException("one() found no row for " + describe() + "; it expects exactly one. To fix "
                    + "this, use first() where no row is a normal outcome.");
        }
        if (rows.size() > 1) {
            throw new MultipleResultsFoundException("Expected one row for " + describe() + " but found more than one. "
                    + "To fix this, filter so that one row remains, or use first() or all().");
        }
        return rows.get(0);
    }

    @Override
    public <R extends Record> List<R> into(Class<R> recordType) {
        RecordComponent[] components = recordType.getRecordComponents();
        for (RecordComponent component : components) {
            // The record may be declared where this package cannot see it (a nested record of the application's).
            component.getAccessor().setAccessible(true);
        }
        return run(limit, query -> query.into(recordType), (record, index) -> component(record, components, index));
    }

    private static Object component(Object record, RecordComponent[] components, int index) {
        try {
            return components[index].getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + components[index].getName() + " of " + record, e);
        }
    }

    /**
     * Runs the query on the chosen shards ({@code read} on each, asking for the first {@code offset + rows}),
     * then orders the merged items by {@code valueAt} (the value of a selected column), drops repeats when
     * distinct, and cuts.
     */
    private <X> List<X> run(Integer rows, Function<SelectQuery, List<X>> read, BiFunction<X, Integer, Object> valueAt) {
        Map<String, SelectQuery> chosen = chosen();
        if (chosen.size() == 1) {
            return read.apply(cut(chosen.values().iterator().next(), offset, rows));
        }
        Comparator<X> order = orders.isEmpty() ? null : order(valueAt);
        Integer perShard = rows == null ? null : rows + (offset == null ? 0 : offset);
        List<X> merged = new ArrayList<>();
        for (SelectQuery query : chosen.values()) {
            // Each shard's rows are distinct already; repeats across shards go below, so each shard must give all its first rows.
            merged.addAll(read.apply(cut(query, null, distinct ? null : perShard)));
        }
        if (order != null) {
            merged.sort(order);
        }
        if (distinct) {
            merged = dropRepeats(merged, valueAt);
        }
        int from = Math.min(offset == null ? 0 : offset, merged.size());
        int to = rows == null ? merged.size() : Math.min(merged.size(), from + rows);
        return new ArrayList<>(merged.subList(from, to));
    }

    private <X> List<X> dropRepeats(List<X> items, BiFunction<X, Integer, Object> valueAt) {
        Set<List<Object>> seen = new LinkedHashSet<>();
        List<X> kept = new ArrayList<>();
        for (X item : items) {
            List<Object> values = new ArrayList<>(columns.size());
            for (int index = 0; index < columns.size(); index++) {
                values.add(valueAt.apply(item, index));
            }
            if (seen.add(values)) {
                kept.add(item);
            }
        }
        return kept;
    }

    private static SelectQuery cut(SelectQuery query, Integer offset, Integer rows) {
        SelectQuery cut = offset == null ? query : query.offset(offset);
        return rows == null ? cut : cut.limit(rows);
    }

    /** The merge order: each {@link Order} compares the selected column it names. */
    private <X> Comparator<X> order(BiFunction<X, Integer, Object> valueAt) {
        Comparator<X> comparator = (left, right) -> 0;
        for (Order order : orders) {
            int index = columnOf(order);
            Comparator<Object> values = MergeOrder.values(order);
            comparator = comparator.thenComparing((left, right) -> values.compare(valueAt.apply(left, index),
                    valueAt.apply(right, index)));
        }
        return comparator;
    }

    private int columnOf(Order order) {
        for (int index = 0; index < columns.size(); index++) {
            Expr<?> column = columns.get(index);
            boolean named = order.attribute() != null && column instanceof Attribute<?, ?> attribute
                    && attribute.name().equals(order.attribute());
            boolean same = order.expression() != null && column.node().equals(order.expression().node());
            if (named || same) {
                return index;
            }
        }
        String term = order.attribute() != null ? order.attribute() : String.valueOf(order.expression());
        throw new UnsupportedFeatureException(describe() + " orders by " + term + ", which it does not select, so Retort "
                + "cannot merge the rows of several shards in that order. To fix this, select " + term + " too, or let "
                + "the query chooser send the query to one shard.");
    }

    @Override
    public Statement.Select statement() {
        throw new UnsupportedFeatureException(describe() + " is a query over several shards, which cannot be a subquery: "
                + "each shard's database runs its own statement. To fix this, build the subquery on the shard that the "
                + "outer query runs on: session.shard(name).select(...).");
    }

    private String describe() {
        return "select(" + columns.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }
}
