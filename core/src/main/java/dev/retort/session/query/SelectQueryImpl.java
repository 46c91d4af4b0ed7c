package dev.retort.session.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.retort.Alias;
import dev.retort.Cte;
import dev.retort.Expr;
import dev.retort.InvalidRequestException;
import dev.retort.MultipleResultsFoundException;
import dev.retort.NoResultFoundException;
import dev.retort.Order;
import dev.retort.Predicate;
import dev.retort.Row;
import dev.retort.SelectQuery;
import dev.retort.dialect.ColumnReader;
import dev.retort.session.SessionImpl;
import dev.retort.session.load.HierarchyFilters;
import dev.retort.session.load.RelationJoins;
import dev.retort.session.load.Tables;
import dev.retort.session.load.ValueReaders;
import dev.retort.session.persister.EntityPersister;
import dev.retort.sql.CompiledStatement;
import dev.retort.sql.Expression;
import dev.retort.sql.OrderItem;
import dev.retort.sql.Statement;

/** An immutable tuple query: each refinement returns a new instance with a changed {@link Spec}. */
public final class SelectQueryImpl implements SelectQuery {
    private final SessionImpl session;
    private final List<Expr<?>> columns;
    private final Spec spec;
    /** This query's own statement timeout in seconds, or {@code null} for the engine's. */
    private final Integer timeoutSeconds;

    private record Spec(String table, List<Expression> where, List<Expression> groupBy, List<Expression> having,
                        List<OrderItem> orderBy, Optional<Integer> limit, Optional<Integer> offset, boolean distinct,
                        List<String> descriptions, List<Statement.Join> joins, List<SelectQueryImpl> unions,
                        List<Boolean> unionAll, List<Statement.CommonTable> ctes) {
        Spec(String table, List<Expression> where, List<Expression> groupBy, List<Expression> having, List<OrderItem> orderBy,
             Optional<Integer> limit, Optional<Integer> offset, boolean distinct, List<String> descriptions) {
            this(table, where, groupBy, having, orderBy, limit, offset, distinct, descriptions, List.of(), List.of(), List.of(),
                    List.of());
        }

        Spec with(String newTable) {
            return new Spec(newTable, where, groupBy, having, orderBy, limit, offset, distinct, descriptions, joins, unions, unionAll,
                    ctes);
        }

        Spec join(Statement.Join join) {
            return new Spec(table, where, groupBy, having, orderBy, limit, offset, distinct, descriptions, append(joins, join),
                    unions, unionAll, ctes);
        }

        Spec union(SelectQueryImpl other, boolean all) {
            return new Spec(table, where, groupBy, having, orderBy, limit, offset, distinct, descriptions, joins,
                    append(unions, other), append(unionAll, all), ctes);
        }

        Spec cte(Statement.CommonTable cte) {
            return new Spec(table, where, groupBy, having, orderBy, limit, offset, distinct, descriptions, joins, unions, unionAll,
                    append(ctes, cte));
        }

        /** The same spec with these parts replaced, keeping joins, unions and common tables. */
        Spec keeping(Spec changed) {
            return new Spec(changed.table, changed.where, changed.groupBy, changed.having, changed.orderBy, changed.limit,
                    changed.offset, changed.distinct, changed.descriptions, joins, unions, unionAll, ctes);
        }
    }

    public SelectQueryImpl(SessionImpl session, List<Expr<?>> columns) {
        if (columns.isEmpty()) {
            throw new InvalidRequestException("session.select() needs at least one column. To fix this, pass attributes or "
                    + "functions: session.select(User_.name, Func.count()).");
        }
        this.session = session;
        this.columns = List.copyOf(columns);
        this.spec = new Spec(null, List.of(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(), false, List.of());
        this.timeoutSeconds = null;
    }

    private SelectQueryImpl(SessionImpl session, List<Expr<?>> columns, Spec spec, Integer timeoutSeconds) {
        this.session = session;
        this.columns = columns;
        this.spec = spec;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** This query with another spec, keeping its columns and timeout. */
    private SelectQueryImpl derived(Spec changed) {
        return new SelectQueryImpl(session, columns, changed, timeoutSeconds);
    }

    @Override
    public SelectQuery timeout(java.time.Duration timeout) {
        return new SelectQueryImpl(session, columns, spec, Timeouts.seconds(timeout, describe()));
    }

    private SelectQueryImpl with(Spec changed) {
        return derived(spec.keeping(changed));
    }

    @Override
    public SelectQuery join(Class<?> entityType, Predicate on) {
        return derived(spec.join(QueryImpl.join(session, Statement.JoinKind.INNER, entityType, null, on)));
    }

    @Override
    public SelectQuery leftJoin(Class<?> entityType, Predicate on) {
        return derived(spec.join(QueryImpl.join(session, Statement.JoinKind.LEFT, entityType, null, on)));
    }

    @Override
    public SelectQuery join(dev.retort.Relation<?, ?> relationship) {
        return joinAlong(Statement.JoinKind.INNER, relationship, "join");
    }

    @Override
    public SelectQuery leftJoin(dev.retort.Relation<?, ?> relationship) {
        return joinAlong(Statement.JoinKind.LEFT, relationship, "leftJoin");
    }

    private SelectQuery joinAlong(Statement.JoinKind kind, dev.retort.Relation<?, ?> relationship, String call) {
        Spec joined = spec;
        for (Statement.Join join : RelationJoins.of(session.context(), kind, relationship, spec.table(), spec.joins(), call)) {
            joined = joined.join(join);
        }
        return derived(joined);
    }

    @Override
    public SelectQuery fullJoin(Class<?> entityType, Predicate on) {
        return derived(spec.join(QueryImpl.join(session, Statement.JoinKind.FULL, entityType, null, on)));
    }

    @Override
    public SelectQuery join(Alias<?> alias, Predicate on) {
        return derived(spec.join(QueryImpl.join(session, Statement.JoinKind.INNER,
                alias.entityType(), alias.name(), on)));
    }

    @Override
    public SelectQuery leftJoin(Alias<?> alias, Predicate on) {
        return derived(spec.join(QueryImpl.join(session, Statement.JoinKind.LEFT,
                alias.entityType(), alias.name(), on)));
    }

    @Override
    public SelectQuery with(Cte... tables) {
        Spec changed = spec;
        for (Cte table : tables) {
            changed = changed.cte(table.definition());
        }
        return derived(changed);
    }

    @Override
    public SelectQuery from(Cte table) {
        return with(spec.with(table.name()));
    }

    @Override
    public SelectQuery join(Cte table, Predicate on) {
        if (on == null) {
            throw new InvalidRequestException("join(" + table.name() + ", null): a join needs its ON condition. To fix this, "
                    + "pass one comparing a column of " + table.name() + " with one of the query.");
        }
        return derived(spec.join(new Statement.Join(Statement.JoinKind.INNER, table.name(), null,
                on.node())));
    }

    @Override
    public SelectQuery union(SelectQuery other) {
        return union(other, false);
    }

    @Override
    public SelectQuery unionAll(SelectQuery other) {
        return union(other, true);
    }

    private SelectQuery union(SelectQuery other, boolean all) {
        SelectQueryImpl part = (SelectQueryImpl) other;
        if (part.columns.size() != columns.size()) {
            throw new InvalidRequestException((all ? "unionAll" : "union") + "(...): the queries select " + columns.size()
                    + " and " + part.columns.size() + " columns. To fix this, select as many columns, of matching types, in both.");
        }
        if (!part.spec.unions().isEmpty()) {
            throw new InvalidRequestException((all ? "unionAll" : "union") + "(...): the query given is itself a union. "
                    + "To fix this, chain the parts instead: a.union(b).union(c).");
        }
        return derived(spec.union(part, all));
    }

    @Override
    public SelectQuery from(Class<?> entityType) {
        EntityPersister persister = session.context().persister(entityType);
        String table = persister.model().table().name();
        SelectQueryImpl query = with(spec.with(table));
        return HierarchyFilters.restriction(persister, table).map(query::restricted).orElse(query);
    }

    /** This query with a condition that has no description (a SINGLE_TABLE subclass's discriminator values). */
    private SelectQueryImpl restricted(Expression condition) {
        return with(new Spec(spec.table(), append(spec.where(), condition), spec.groupBy(), spec.having(), spec.orderBy(),
                spec.limit(), spec.offset(), spec.distinct(), spec.descriptions()));
    }

    @Override
    public SelectQuery where(Predicate condition) {
        requireCondition(condition, "where");
        return with(new Spec(spec.table(), append(spec.where(), condition.node()), spec.groupBy(), spec.having(), spec.orderBy(),
                spec.limit(), spec.offset(), spec.distinct(), append(spec.descriptions(), condition.toString())));
    }

    @Override
    public SelectQuery groupBy(Expr<?>... expressions) {
        List<Expression> groups = new ArrayList<>(spec.groupBy());
        Arrays.stream(expressions).map(Expr::node).forEach(groups::add);
        return with(new Spec(spec.table(), spec.where(), List.copyOf(groups), spec.having(), spec.orderBy(), spec.limit(),
                spec.offset(), spec.distinct(), spec.descriptions()));
    }

    @Override
    public SelectQuery having(Predicate condition) {
        requireCondition(condition, "having");
        return with(new Spec(spec.table(), spec.where(), spec.groupBy(), append(spec.having(), condition.node()), spec.orderBy(),
                spec.limit(), spec.offset(), spec.distinct(), spec.descriptions()));
    }

    @Override
    public SelectQuery orderBy(Order... orders) {
        List<OrderItem> items = new ArrayList<>(spec.orderBy());
        for (Order order : orders) {
            items.add(QueryImpl.orderItem(order, name -> {
                throw new InvalidRequestException("orderBy(Order.asc(\"" + name + "\")) on session.select(...): attribute names "
                        + "need an entity. To fix this, order by an expression: orderBy(User_." + name + ".asc()).");
            }));
        }
        return with(new Spec(spec.table(), spec.where(), spec.groupBy(), spec.having(), List.copyOf(items), spec.limit(),
                spec.offset(), spec.distinct(), spec.descriptions()));
    }

    @Override
    public SelectQuery limit(int limit) {
        QueryImpl.requireNotNegative("limit", limit);
        return with(new Spec(spec.table(), spec.where(), spec.groupBy(), spec.having(), spec.orderBy(), Optional.of(limit),
                spec.offset(), spec.distinct(), spec.descriptions()));
    }

    @Override
    public SelectQuery offset(int offset) {
        QueryImpl.requireNotNegative("offset", offset);
        return with(new Spec(spec.table(), spec.where(), spec.groupBy(), spec.having(), spec.orderBy(), spec.limit(),
                Optional.of(offset), spec.distinct(), spec.descriptions()));
    }

    @Override
    public SelectQuery distinct() {
        return with(new Spec(spec.table(), spec.where(), spec.groupBy(), spec.having(), spec.orderBy(), spec.limit(),
                spec.offset(), true, spec.descriptions()));
    }

    @Override
    public List<Row> all() {
        return read(spec.limit()).stream().map(values -> (Row) new RowImpl(columns, values)).toList();
    }

    @Override
    public Row first() {
        List<Object[]> rows = read(Optional.of(spec.limit().map(value -> Math.min(value, 1)).orElse(1)));
        return rows.isEmpty() ? null : new RowImpl(columns, rows.get(0));
    }

    @Override
    public Row one() {
        List<Object[]> rows = read(Optional.of(spec.limit().map(value -> Math.min(value, 2)).orElse(2)));
        if (rows.isEmpty()) {
            throw new NoResultFoundException("one() found no row for " + describe() + "; it expects exactly one. "
                    + "To fix this, use first() where no row is a normal outcome.");
        }
        if (rows.size() > 1) {
            throw new MultipleResultsFoundException("Expected one row for " + describe() + " but found more than one. "
                    + "To fix this, filter or group so that one row remains, or use first() or all().");
        }
        return new RowImpl(columns, rows.get(0));
    }

    @Override
    public <R extends Record> List<R> into(Class<R> recordType) {
        RecordMapper<R> mapper = new RecordMapper<>(recordType, columns);
        return read(spec.limit()).stream().map(mapper::map).toList();
    }

    @Override
    public Statement.Select statement() {
        if (!spec.ctes().isEmpty()) {
            throw new InvalidRequestException("A query with common tables (with(...)) cannot be used as a subquery or common "
                    + "table in this version of Retort. To fix this, put the common tables on the outermost query.");
        }
        if (!spec.unions().isEmpty()) {
            throw new InvalidRequestException("A union cannot be used as a subquery in this version of Retort. To fix this, "
                    + "use each part as its own subquery (x.in(a).or(x.in(b))).");
        }
        return select(spec.limit(), spec.orderBy(), spec.offset());
    }

    /** The statement this query issues: a SELECT or a compound of SELECTs for unions, after its common tables. */
    Statement statement(Optional<Integer> rowLimit) {
        Statement body = body(rowLimit);
        return spec.ctes().isEmpty() ? body : new Statement.With(spec.ctes(), body);
    }

    private Statement body(Optional<Integer> rowLimit) {
        if (spec.unions().isEmpty()) {
            return checked(select(rowLimit, spec.orderBy(), spec.offset()));
        }
        List<Statement.Select> parts = new ArrayList<>();
        parts.add(checked(select(Optional.empty(), List.of(), Optional.empty())));
        for (SelectQueryImpl part : spec.unions()) {
            parts.add(part.checked(part.select(Optional.empty(), List.of(), Optional.empty())));
        }
        return new Statement.Compound(parts, spec.unionAll(), spec.orderBy(), rowLimit, spec.offset());
    }

    /** The select of an executed query (not a subquery, which may use its enclosing query's tables). */
    private Statement.Select checked(Statement.Select select) {
        Tables.requireRead(select, session.context(), "session.select(" + columns.stream().map(String::valueOf)
                .collect(Collectors.joining(", ")) + ")");
        return select;
    }

    private Statement.Select select(Optional<Integer> rowLimit, List<OrderItem> orderBy, Optional<Integer> offset) {
        return new Statement.Select(spec.distinct(), columns.stream().map(Expr::node).toList(), table(), null, spec.joins(),
                where(HierarchyFilters.tupleConditions(session.context(), table(), columns, spec.where(), describe())),
                spec.groupBy(), where(spec.having()), orderBy, rowLimit, offset);
    }

    private List<Object[]> read(Optional<Integer> rowLimit) {
        return session.withStatementTimeout(timeoutSeconds, () -> readNow(rowLimit));
    }

    private List<Object[]> readNow(Optional<Integer> rowLimit) {
        session.checkUsable();
        session.flush();
        CompiledStatement compiled = session.context().compileQuery(statement(rowLimit));
        List<ColumnReader> readers = columns.stream().map(column -> ValueReaders.of(session.context().dialect(), column)).toList();
        return new RowQueries(session).rows(compiled, readers);
    }

    private String table() {
        if (spec.table() != null) {
            return spec.table();
        }
        for (Expr<?> column : columns) {
            String table = Tables.first(column.node());
            if (table != null) {
                return table;
            }
        }
        throw new InvalidRequestException("session.select(" + columns.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + ") selects no attribute, so it has no table to read. To fix this, name it: .from(User.class).");
    }

    private static Optional<Expression> where(List<Expression> conditions) {
        if (conditions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(conditions.size() == 1 ? conditions.get(0) : new Expression.And(conditions));
    }

    private String describe() {
        return "session.select(" + columns.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")"
                + (spec.descriptions().isEmpty() ? "" : " where " + String.join(" and ", spec.descriptions()));
    }

    private static void requireCondition(Predicate condition, String method) {
        if (condition == null) {
            throw new InvalidRequestException(method + "(null) on session.select(...): there is no condition. To fix this, "
                    + "pass a condition such as User_.age.ge(18).");
        }
    }

    private static <E> List<E> append(List<E> list, E element) {
        List<E> copy = new ArrayList<>(list);
        copy.add(element);
        return List.copyOf(copy);
    }
}
