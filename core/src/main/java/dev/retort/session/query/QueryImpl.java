package dev.retort.session.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.retort.Alias;
import dev.retort.InvalidRequestException;
import dev.retort.MultipleResultsFoundException;
import dev.retort.NoResultFoundException;
import dev.retort.Order;
import dev.retort.Predicate;
import dev.retort.Query;
import dev.retort.mapping.AttributeModel;
import dev.retort.session.SessionImpl;
import dev.retort.session.load.EntityStream;
import dev.retort.session.load.HierarchyFilters;
import dev.retort.session.load.JoinedLoad;
import dev.retort.session.load.LoadPlan;
import dev.retort.session.load.Loader;
import dev.retort.session.load.RelationJoins;
import dev.retort.session.load.Tables;
import dev.retort.session.persister.EntityPersister;
import dev.retort.session.persister.Ids;
import dev.retort.sql.CompiledStatement;
import dev.retort.sql.Expression;
import dev.retort.sql.OrderItem;
import dev.retort.sql.Statement;

/** An immutable query: each refinement returns a new instance with a changed {@link Spec}. */
public final class QueryImpl<T> implements Query<T> {
    private final SessionImpl session;
    private final Loader loader;
    private final EntityPersister persister;
    private final Spec spec;
    private final LoadPlan plan;
    private final List<dev.retort.Load> loads;
    /** This query's own statement timeout in seconds, or {@code null} for the engine's. */
    private final Integer timeoutSeconds;
    /** Rows per batch of {@link #stream()}. */
    private final int yieldPer;

    /** What the query selects, apart from its entity: immutable. */
    private record Spec(List<Statement.Join> joins, List<Expression> filters, List<String> descriptions,
                        List<OrderItem> orderBy, Optional<Integer> limit, Optional<Integer> offset, boolean distinct) {
        static final Spec EMPTY = new Spec(List.of(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(), false);

        Spec join(Statement.Join join) {
            return new Spec(append(joins, join), filters, descriptions, orderBy, limit, offset, distinct);
        }

        Spec filter(Expression condition, String description) {
            return new Spec(joins, append(filters, condition), append(descriptions, description), orderBy, limit, offset, distinct);
        }

        Spec orderBy(List<OrderItem> items) {
            List<OrderItem> all = new ArrayList<>(orderBy);
            all.addAll(items);
            return new Spec(joins, filters, descriptions, List.copyOf(all), limit, offset, distinct);
        }

        Spec limit(Optional<Integer> value) {
            return new Spec(joins, filters, descriptions, orderBy, value, offset, distinct);
        }

        Spec offset(Optional<Integer> value) {
            return new Spec(joins, filters, descriptions, orderBy, limit, value, distinct);
        }

        Spec withDistinct() {
            return new Spec(joins, filters, descriptions, orderBy, limit, offset, true);
        }

        Optional<Expression> where() {
            if (filters.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(filters.size() == 1 ? filters.get(0) : new Expression.And(filters));
        }
    }

    public QueryImpl(SessionImpl session, Loader loader, EntityPersister persister) {
        this(session, loader, persister, Spec.EMPTY, List.of(), LoadPlan.DEFAULT, EntityStream.DEFAULT_BATCH_SIZE, null);
    }

    private QueryImpl(SessionImpl session, Loader loader, EntityPersister persister, Spec spec, List<dev.retort.Load> loads,
                      LoadPlan plan, int yieldPer, Integer timeoutSeconds) {
        this.session = session;
        this.loader = loader;
        this.persister = persister;
        this.spec = spec;
        this.loads = loads;
        this.plan = plan;
        this.yieldPer = yieldPer;
        this.timeoutSeconds = timeoutSeconds;
    }

    private QueryImpl<T> with(Spec changed) {
        return new QueryImpl<>(session, loader, persister, changed, loads, plan, yieldPer, timeoutSeconds);
    }

    @Override
    public Query<T> readOnly() {
        return new QueryImpl<>(session, loader, persister, spec, loads, plan.asReadOnly(), yieldPer, timeoutSeconds);
    }

    @Override
    public Query<T> timeout(java.time.Duration timeout) {
        return new QueryImpl<>(session, loader, persister, spec, loads, plan, yieldPer, Timeouts.seconds(timeout, describe()));
    }

    @Override
    public Query<T> options(dev.retort.Load... options) {
        List<dev.retort.Load> all = new ArrayList<>(loads);
        all.addAll(java.util.Arrays.asList(options));
        LoadPlan planned = LoadPlan.of(persister.entityType(), all);
        LoadPlan changed = plan.readOnly() ? planned.asReadOnly() : planned;
        return new QueryImpl<>(session, loader, persister, spec, List.copyOf(all), changed, yieldPer, timeoutSeconds);
    }

    @Override
    public Query<T> filterBy(String attribute, Object value) {
        AttributeModel model = persister.model().requireAttribute(attribute);
        Object coerced = Ids.coerce(model, value,
                () -> "filterBy(\"" + attribute + "\", " + (value instanceof String ? "\"" + value + "\"" : value) + ")");
        Expression column = new Expression.ColumnRef(persister.model().tableOf(model), model.column().name());
        Expression condition = coerced == null ? new Expression.IsNull(column, false)
                : Expression.eq(column, new Expression.Value(model.toStored(coerced), model.column().type().type()));
        return with(spec.filter(condition,
                attribute + (coerced == null ? " IS NULL" : " = " + (coerced instanceof String ? "'" + coerced + "'" : coerced))));
    }

    @Override
    public Query<T> filter(Predicate condition) {
        if (condition == null) {
            throw new InvalidRequestException("filter(null) on query(" + persister.entityName() + "): there is no condition. "
                    + "To fix this, pass a condition such as " + persister.entityName() + "_.name.eq(\"...\").");
        }
        return with(spec.filter(condition.node(), condition.toString()));
    }

    @Override
    public Query<T> orderBy(String... attributes) {
        List<OrderItem> items = new ArrayList<>();
        for (String attribute : attributes) {
            items.add(new OrderItem(column(attribute), false));
        }
        return with(spec.orderBy(items));
    }

    @Override
    public Query<T> orderBy(Order... orders) {
        List<OrderItem> items = new ArrayList<>();
        for (Order order : orders) {
            items.add(orderItem(order, this::column));
        }
        return with(spec.orderBy(items));
    }

    /** The SQL term of an {@link Order}; {@code byName} resolves orders given by attribute name. */
    static OrderItem orderItem(Order order, java.util.function.Function<String, Expression> byName) {
        Expression expression = order.expression() != null ? order.expression().node() : byName.apply(order.attribute());
        return new OrderItem(expression, order.descending(), OrderItem.Nulls.valueOf(order.nulls().name()));
    }

    private Expression column(String attribute) {
        AttributeModel model = persister.model().requireAttribute(attribute);
        return new Expression.ColumnRef(persister.model().tableOf(model), model.column().name());
    }

    @Override
    public Query<T> limit(int limit) {
        requireNotNegative("limit", limit);
        return with(spec.limit(Optional.of(limit)));
    }

    @Override
    public Query<T> offset(int offset) {
        requireNotNegative("offset", offset);
        return with(spec.offset(Optional.of(offset)));
    }

    @Override
    public Query<T> yieldPer(int rows) {
        if (rows < 1) {
            throw new InvalidRequestException("yieldPer(" + rows + ") on " + describe() + ": a stream needs at least one row "
                    + "per batch. To fix this, pass the number of rows the stream may hold in the session at a time, such "
                    + "as yieldPer(" + EntityStream.DEFAULT_BATCH_SIZE + "), the default.");
        }
        return new QueryImpl<>(session, loader, persister, spec, loads, plan, rows, timeoutSeconds);
    }

    @Override
    public Query<T> join(Class<?> entityType, Predicate on) {
        return with(spec.join(join(session, Statement.JoinKind.INNER, entityType, null, on)));
    }

    @Override
    public Query<T> leftJoin(Class<?> entityType, Predicate on) {
        return with(spec.join(join(session, Statement.JoinKind.LEFT, entityType, null, on)));
    }

    @Override
    public Query<T> join(dev.retort.Relation<?, ?> relationship) {
        return joinAlong(Statement.JoinKind.INNER, relationship, "join");
    }

    @Override
    public Query<T> leftJoin(dev.retort.Relation<?, ?> relationship) {
        return joinAlong(Statement.JoinKind.LEFT, relationship, "leftJoin");
    }

    private Query<T> joinAlong(Statement.JoinKind kind, dev.retort.Relation<?, ?> relationship, String call) {
        Spec joined = spec;
        for (Statement.Join join : RelationJoins.of(session.context(), kind, relationship, persister.model().table().name(),
                spec.joins(), call)) {
            joined = joined.join(join);
        }
        return with(joined);
    }

    @Override
    public Query<T> join(Alias<?> alias, Predicate on) {
        return with(spec.join(join(session, Statement.JoinKind.INNER, alias.entityType(), alias.name(), on)));
    }

    @Override
    public Query<T> leftJoin(Alias<?> alias, Predicate on) {
        return with(spec.join(join(session, Statement.JoinKind.LEFT, alias.entityType(), alias.name(), on)));
    }

    static Statement.Join join(SessionImpl session, Statement.JoinKind kind, Class<?> entityType, String alias, Predicate on) {
        EntityPersister persister = session.context().persister(entityType);
        String table = persister.model().table().name();
        if (on == null) {
            throw new InvalidRequestException("join(" + entityType.getSimpleName() + ".class, null): a join needs its ON "
                    + "condition. To fix this, pass one such as " + entityType.getSimpleName() + "_.ownerId.eq(Owner_.id).");
        }
        return new Statement.Join(kind, table, alias, HierarchyFilters.joinCondition(persister, alias != null ? alias : table, on.node()));
    }

    @Override
    public Query<T> distinct() {
        return with(spec.withDistinct());
    }

    static void requireNotNegative(String what, int value) {
        if (value < 0) {
            throw new InvalidRequestException(what + "(" + value + "): the " + what + " must be zero or more.");
        }
    }

    @Override
    public List<T> all() {
        return run(spec.limit());
    }

    private Statement.Select select(List<Expression> columns, Optional<Integer> rowLimit) {
        Statement.Select select = new Statement.Select(spec.distinct(), columns, persister.model().table().name(), null, spec.joins(), spec.where(),
                List.of(), Optional.empty(), spec.orderBy(), rowLimit, spec.offset());
        if (persister.hierarchy() == null) {
            Tables.requireRead(select, session.context(), "query(" + persister.entityName() + ")");
        }
        return select;
    }

    /** The entity's columns, qualified by its table so that joins leave no column ambiguous. */
    private List<Expression> entityColumns() {
        String table = persister.model().table().name();
        return persister.model().attributes().stream()
                .map(attribute -> (Expression) new Expression.ColumnRef(table, attribute.column().name())).toList();
    }

    private List<T> run(Optional<Integer> rowLimit) {
        return session.withStatementTimeout(timeoutSeconds, () -> runNow(rowLimit));
    }

    @SuppressWarnings("unchecked")
    private List<T> runNow(Optional<Integer> rowLimit) {
        session.checkUsable();
        session.flush();
        if (persister.hierarchy() != null) {
            requireNoJoinedLoad();
            return (List<T>) session.context().polymorphicLoader(persister).list(session, loader, select(List.of(), rowLimit), describe(),
                    plan);
        }
        if (!plan.joined().isEmpty()) {
            return (List<T>) new JoinedLoad(session, loader, persister, plan).run(select(entityColumns(), rowLimit), describe());
        }
        CompiledStatement compiled = session.context().compileQuery(select(entityColumns(), rowLimit));
        return (List<T>) loader.select(persister, compiled, new Object[0], plan);
    }

    /**
     * The rows of an inheritance hierarchy take {@code readOnly()} and the loader options, per class of the rows,
     * except {@code Load.joined}, whose JOIN they do not build yet: refused rather than ignored.
     */
    private void requireNoJoinedLoad() {
        if (plan.joined().isEmpty()) {
            return;
        }
        dev.retort.Load load = loads.stream().filter(option -> option.strategy() == dev.retort.Load.Strategy.JOINED).findFirst()
                .orElseThrow();
        throw new dev.retort.UnsupportedFeatureException(describe() + " reads an entity of an inheritance hierarchy, "
                + "whose rows Retort does not load with Load.joined yet (" + load + "). To fix this, use Load.selectIn "
                + "instead: the related objects then load with one query per class of the rows.");
    }

    @Override
    public T first() {
        List<T> rows = run(Optional.of(spec.limit().map(value -> Math.min(value, 1)).orElse(1)));
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
        // A joined collection repeats the row per element: one() then reads every row and counts objects.
        List<T> rows = run(plan.joined().stream().anyMatch(dev.retort.mapping.RelationshipModel::toMany) ? spec.limit()
                : Optional.of(spec.limit().map(value -> Math.min(value, 2)).orElse(2)));
        if (rows.size() > 1) {
            throw new MultipleResultsFoundException("Expected one row for " + describe() + " but found more than one. "
                    + "To fix this, filter on something unique (such as the id), or use first() or all().");
        }
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Override
    public long count() {
        return session.withStatementTimeout(timeoutSeconds, this::countNow);
    }

    private long countNow() {
        if (spec.limit().isPresent() || spec.offset().isPresent() || spec.distinct()) {
            return all().size();
        }
        select(List.of(), Optional.empty());
        session.checkUsable();
        session.flush();
        if (persister.hierarchy() != null) {
            return session.context().polymorphicLoader(persister).count(loader, select(List.of(), Optional.empty()), describe());
        }
        Statement.Select select = new Statement.Select(false, List.of(new Expression.CountAll()), persister.model().table().name(),
                null, spec.joins(), spec.where(), List.of(), Optional.empty(), List.of(), Optional.empty(), Optional.empty());
        return loader.selectLong(persister, session.context().compileQuery(select));
    }

    @Override
    public boolean exists() {
        return session.withStatementTimeout(timeoutSeconds, this::existsNow);
    }

    private boolean existsNow() {
        if (persister.hierarchy() != null) {
            return first() != null;
        }
        session.checkUsable();
        session.flush();
        select(List.of(), Optional.empty());
        Statement.Select inner = new Statement.Select(false, List.of(new Expression.AllColumns()),
                persister.model().table().name(), null, spec.joins(), spec.where(), List.of(), Optional.empty(), List.of(),
                spec.limit(), spec.offset());
        Statement.Select select = new Statement.Select(null, List.of(new Expression.Exists(inner)), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty());
        return new RowQueries(session).selectBoolean(session.context().compileQuery(select));
    }

    @Override
    public Stream<T> stream() {
        return session.withStatementTimeout(timeoutSeconds, this::streamNow);
    }

    @SuppressWarnings("unchecked")
    private Stream<T> streamNow() {
        session.checkUsable();
        session.flush();
        if (persister.hierarchy() != null) {
            requireNoJoinedLoad();
            return (Stream<T>) session.context().polymorphicLoader(persister).stream(session, loader, select(List.of(), spec.limit()), describe(),
                    yieldPer, plan);
        }
        CompiledStatement compiled = session.context().compileQuery(select(entityColumns(), spec.limit()));
        if (!plan.joined().isEmpty()) {
            throw new InvalidRequestException(describe() + ".stream() cannot load relationships with Load.joined. To fix "
                    + "this, use Load.selectIn (the stream loads related objects per batch of rows), or all().");
        }
        return (Stream<T>) new EntityStream(session, loader, persister, compiled, plan, yieldPer).open();
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(Object id) {
        return session.withStatementTimeout(timeoutSeconds, () -> (T) session.get(persister.entityType(), id));
    }

    private String describe() {
        return "query(" + persister.entityName() + ")" + (spec.descriptions().isEmpty() ? ""
                : " where " + spec.descriptions().stream().collect(Collectors.joining(" and ")));
    }

    private static <E> List<E> append(List<E> list, E element) {
        List<E> copy = new ArrayList<>(list);
        copy.add(element);
        return List.copyOf(copy);
    }
}
