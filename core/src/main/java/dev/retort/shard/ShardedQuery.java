package dev.retort.shard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import dev.retort.Alias;
import dev.retort.Attribute;
import dev.retort.InvalidRequestException;
import dev.retort.Load;
import dev.retort.MultipleResultsFoundException;
import dev.retort.NoResultFoundException;
import dev.retort.Order;
import dev.retort.Predicate;
import dev.retort.Query;
import dev.retort.Relation;
import dev.retort.mapping.AttributeModel;
import dev.retort.mapping.EntityMappings;
import dev.retort.mapping.EntityModel;
import dev.retort.sql.Expression;

/**
 * A query of a sharded session: the same query built on every shard's session, run on the shards the query
 * chooser names. Ordering, limit and offset are kept here too: each shard is asked for its first
 * {@code offset + limit} rows in order, and the merged rows are ordered, then cut. Immutable, as every query.
 */
final class ShardedQuery<T> implements Query<T>, ShardQuery {
    private final ShardedSessionImpl session;
    private final Class<T> entityType;
    /** The query on each shard, without limit and offset; in the shards' order. */
    private final Map<String, Query<T>> queries;
    /** The conditions of {@code filter}, and {@code filterBy}'s as (attribute, value), for the query chooser. */
    private final List<Expression> conditions;
    private final List<Map.Entry<String, Object>> equalities;
    private final List<Order> orders;
    private final Integer limit;
    private final Integer offset;

    ShardedQuery(ShardedSessionImpl session, Class<T> entityType, Map<String, Query<T>> queries) {
        this(session, entityType, queries, List.of(), List.of(), List.of(), null, null);
    }

    private ShardedQuery(ShardedSessionImpl session, Class<T> entityType, Map<String, Query<T>> queries,
                         List<Expression> conditions, List<Map.Entry<String, Object>> equalities, List<Order> orders,
                         Integer limit, Integer offset) {
        this.session = session;
        this.entityType = entityType;
        this.queries = queries;
        this.conditions = conditions;
        this.equalities = equalities;
        this.orders = orders;
        this.limit = limit;
        this.offset = offset;
    }

    /** This query refined the same way on every shard. */
    private ShardedQuery<T> onEach(UnaryOperator<Query<T>> step) {
        Map<String, Query<T>> refined = new LinkedHashMap<>();
        queries.forEach((name, query) -> refined.put(name, step.apply(query)));
        return new ShardedQuery<>(session, entityType, refined, conditions, equalities, orders, limit, offset);
    }

    // ---- what the query chooser sees ----------------------------------------------------------------

    @Override
    public Class<?> entityType() {
        return entityType;
    }

    @Override
    public Optional<Set<Object>> values(Attribute<?, ?> attribute) {
        AttributeModel model = EntityMappings.of(attribute.entityType()).requireAttribute(attribute.name());
        Optional<Set<Object>> fromFilters = new FilterValues((Expression.ColumnRef) attribute.node(), model).allowedBy(conditions);
        boolean ownAttribute = attribute.entityType().isAssignableFrom(entityType);
        return ownAttribute ? narrowedByEqualities(attribute.name(), fromFilters) : fromFilters;
    }

    @Override
    public Optional<Set<Object>> values(String attribute) {
        EntityModel model = EntityMappings.of(entityType);
        AttributeModel named = model.requireAttribute(attribute);
        Expression.ColumnRef column = new Expression.ColumnRef(model.tableOf(named), named.column().name());
        return narrowedByEqualities(attribute, new FilterValues(column, named).allowedBy(conditions));
    }

    private Optional<Set<Object>> narrowedByEqualities(String attribute, Optional<Set<Object>> values) {
        Set<Object> allowed = values.<Set<Object>>map(java.util.LinkedHashSet::new).orElse(null);
        for (Map.Entry<String, Object> equality : equalities) {
            if (equality.getKey().equals(attribute) && equality.getValue() != null) {
                if (allowed == null) {
                    allowed = new java.util.LinkedHashSet<>(List.of(equality.getValue()));
                } else {
                    allowed.retainAll(Set.of(equality.getValue()));
                }
            }
        }
        return Optional.ofNullable(allowed);
    }

    // ---- building -----------------------------------------------------------------------------------

    @Override
    public Query<T> filterBy(String attribute, Object value) {
        ShardedQuery<T> refined = onEach(query -> query.filterBy(attribute, value));
        List<Map.Entry<String, Object>> more = new ArrayList<>(equalities);
        more.add(new java.util.AbstractMap.SimpleImmutableEntry<>(attribute, value));
        return new ShardedQuery<>(session, entityType, refined.queries, conditions, List.copyOf(more), orders, limit, offset);
    }

    @Override
    public Query<T> filter(Predicate condition) {
        ShardedQuery<T> refined = onEach(query -> query.filter(condition));
        List<Expression> more = new ArrayList<>(conditions);
        more.add(condition.node());
        return new ShardedQuery<>(session, entityType, refined.queries, List.copyOf(more), equalities, orders, limit, offset);
    }

    @Override
    public Query<T> orderBy(String... attributes) {
        return orderBy(Arrays.stream(attributes).map(Order::asc).toArray(Order[]::new));
    }

    @Override
    public Query<T> orderBy(Order... terms) {
        Order[] spelled = Arrays.stream(terms).map(MergeOrder::onEveryShard).toArray(Order[]::new);
        ShardedQuery<T> refined = onEach(query -> query.orderBy(spelled));
        List<Order> more = new ArrayList<>(orders);
        more.addAll(Arrays.asList(spelled));
        return new ShardedQuery<>(session, entityType, refined.queries, conditions, equalities, List.copyOf(more), limit, offset);
    }

    @Override
    public Query<T> join(Class<?> type, Predicate on) {
        return onEach(query -> query.join(type, on));
    }

    @Override
    public Query<T> leftJoin(Class<?> type, Predicate on) {
        return onEach(query -> query.leftJoin(type, on));
    }

    @Override
    public Query<T> join(Relation<?, ?> relationship) {
        return onEach(query -> query.join(relationship));
    }

    @Override
    public Query<T> leftJoin(Relation<?, ?> relationship) {
        return onEach(query -> query.leftJoin(relationship));
    }

    @Override
    public Query<T> join(Alias<?> alias, Predicate on) {
        return onEach(query -> query.join(alias, on));
    }

    @Override
    public Query<T> leftJoin(Alias<?> alias, Predicate on) {
        return onEach(query -> query.leftJoin(alias, on));
    }

    @Override
    public Query<T> options(Load... loads) {
        return onEach(query -> query.options(loads));
    }

    @Override
    public Query<T> distinct() {
        return onEach(Query::distinct);
    }

    @Override
    public Query<T> limit(int rows) {
        requireNotNegative("limit", rows);
        return new ShardedQuery<>(session, entityType, queries, conditions, equalities, orders, rows, offset);
    }

    @Override
    public Query<T> offset(int rows) {
        requireNotNegative("offset", rows);
        return new ShardedQuery<>(session, entityType, queries, conditions, equalities, orders, limit, rows);
    }

    private static void requireNotNegative(String what, int value) {
        if (value < 0) {
            throw new InvalidRequestException(what + "(" + value + "): the " + what + " must be zero or more.");
        }
    }

    @Override
    public Query<T> readOnly() {
        return onEach(Query::readOnly);
    }

    @Override
    public Query<T> timeout(java.time.Duration timeout) {
        return onEach(query -> query.timeout(timeout));
    }

    @Override
    public Query<T> yieldPer(int rows) {
        return onEach(query -> query.yieldPer(rows));
    }

    // ---- running ------------------------------------------------------------------------------------

    /** The shards the query chooser names for this query, and their queries. */
    private Map<String, Query<T>> chosen() {
        session.checkOpen();
        List<String> names = session.factory().queryChooser().shardsFor(this);
        session.sessions(names, "The query chooser (for " + describe() + ")");
        Map<String, Query<T>> chosen = new LinkedHashMap<>();
        for (String name : names) {
            chosen.put(name, queries.get(name));
        }
        return chosen;
    }

    @Override
    public List<T> all() {
        return run(limit);
    }

    private List<T> run(Integer rows) {
        Map<String, Query<T>> chosen = chosen();
        if (chosen.size() == 1) {
            return cut(chosen.values().iterator().next(), offset, rows).all();
        }
        java.util.Comparator<Object> order = orders.isEmpty() ? null
                : MergeOrder.of(EntityMappings.of(entityType), orders, describe());
        List<T> merged = new ArrayList<>();
        Integer perShard = rows == null ? null : rows + (offset == null ? 0 : offset);
        for (Query<T> query : chosen.values()) {
            merged.addAll(cut(query, null, perShard).all());
        }
        if (order != null) {
            merged.sort(order);
        }
        int from = Math.min(offset == null ? 0 : offset, merged.size());
        int to = rows == null ? merged.size() : Math.min(merged.size(), from + rows);
        return new ArrayList<>(merged.subList(from, to));
    }

    private static <T> Query<T> cut(Query<T> query, Integer offset, Integer rows) {
        Query<T> cut = offset == null ? query : query.offset(offset);
        return rows == null ? cut : cut.limit(rows);
    }

    @Override
    public T first() {
        List<T> rows = run(limit == null ? 1 : Math.min(limit, 1));
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Override
    public T one() {
        T result = oneOrNull();
        if (result == null) {
            throw new NoResultFoundException("one() found no row for " + describe() + "; it expects exactly one. "
                    + "To fix this, use oneOrNull() or first() where no row is a normal outcome.");
        }
        return result;
    }

    @Override
    public T oneOrNull() {
        Map<String, Query<T>> chosen = chosen();
        if (chosen.size() == 1) {
            return cut(chosen.values().iterator().next(), offset, limit).oneOrNull();
        }
        List<T> rows = run(limit == null ? 2 : Math.min(limit, 2));
        if (rows.size() > 1) {
            throw new MultipleResultsFoundException("Expected one row for " + describe() + " but found more than one "
                    + "(on shards " + String.join(", ", chosen.keySet()) + "). To fix this, filter on something unique "
                    + "(such as the id), or use first() or all().");
        }
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Override
    public long count() {
        if (limit != null || offset != null) {
            return all().size();
        }
        long total = 0;
        for (Query<T> query : chosen().values()) {
            total += query.count();
        }
        return total;
    }

    @Override
    public boolean exists() {
        if (offset != null) {
            return !all().isEmpty();
        }
        for (Query<T> query : chosen().values()) {
            if (cut(query, null, limit).exists()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The shards' streams merged: with orderBy, a k-way merge of the shards' ordered streams (each holds one
     * object ahead); without, one shard after the other. Each shard reads at most {@code offset + limit} rows,
     * and offset and limit apply to the merged stream. Closing it closes every shard's stream.
     */
    @Override
    public Stream<T> stream() {
        Map<String, Query<T>> chosen = chosen();
        if (chosen.size() == 1) {
            return cut(chosen.values().iterator().next(), offset, limit).stream();
        }
        Integer perShard = limit == null ? null : limit + (offset == null ? 0 : offset);
        List<Stream<T>> streams = new ArrayList<>();
        try {
            for (Query<T> query : chosen.values()) {
                streams.add(cut(query, null, perShard).stream());
            }
        } catch (RuntimeException e) {
            streams.forEach(Stream::close);
            throw e;
        }
        Stream<T> merged;
        if (orders.isEmpty()) {
            merged = streams.stream().flatMap(stream -> stream);
        } else {
            try {
                java.util.Comparator<Object> order = MergeOrder.of(EntityMappings.of(entityType), orders, describe());
                merged = java.util.stream.StreamSupport.stream(new KWayMerge<>(streams, order), false);
            } catch (RuntimeException e) {
                streams.forEach(Stream::close);
                throw e;
            }
        }
        merged = merged.onClose(() -> EachShard.run(streams, Stream::close));
        if (offset != null) {
            merged = merged.skip(offset);
        }
        return limit == null ? merged : merged.limit(limit);
    }

    /**
     * The next object of several ordered streams: the smallest of their heads (the earlier shard's on a tie);
     * each stream is read one object ahead, except the one whose object was just handed out.
     */
    private static final class KWayMerge<T> extends java.util.Spliterators.AbstractSpliterator<T> {
        private final List<java.util.Iterator<T>> sources = new ArrayList<>();
        private final java.util.PriorityQueue<Head<T>> heads;
        /**
         * The stream whose object was handed out last: it moves on only when the next object is asked for, since a
         * stream with yieldPer may release its current object once it reads the next.
         */
        private int handedOut = -1;

        private record Head<T>(T value, int source) {
        }

        KWayMerge(List<Stream<T>> streams, java.util.Comparator<Object> order) {
            super(Long.MAX_VALUE, ORDERED | NONNULL);
            java.util.Comparator<Head<T>> byValue = (left, right) -> order.compare(left.value(), right.value());
            this.heads = new java.util.PriorityQueue<>(Math.max(1, streams.size()),
                    byValue.thenComparingInt(Head::source));
            for (Stream<T> stream : streams) {
                sources.add(stream.iterator());
            }
            for (int source = 0; source < sources.size(); source++) {
                advance(source);
            }
        }

        private void advance(int source) {
            java.util.Iterator<T> iterator = sources.get(source);
            if (iterator.hasNext()) {
                heads.add(new Head<>(iterator.next(), source));
            }
        }

        @Override
        public boolean tryAdvance(java.util.function.Consumer<? super T> action) {
            if (handedOut >= 0) {
                advance(handedOut);
                handedOut = -1;
            }
            Head<T> smallest = heads.poll();
            if (smallest == null) {
                return false;
            }
            handedOut = smallest.source();
            action.accept(smallest.value());
            return true;
        }
    }

    @Override
    public T get(Object id) {
        return session.get(entityType, id);
    }

    private String describe() {
        return "query(" + entityType.getSimpleName() + ")";
    }
}
