package dev.retort.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.retort.InvalidRequestException;
import dev.retort.MultipleResultsFoundException;
import dev.retort.NoResultFoundException;
import dev.retort.Order;
import dev.retort.Query;
import dev.retort.mapping.AttributeModel;
import dev.retort.sql.CompiledStatement;
import dev.retort.sql.Expression;
import dev.retort.sql.OrderItem;
import dev.retort.sql.Statement;

/** An immutable query: each refinement returns a new instance. */
final class QueryImpl<T> implements Query<T> {
    private final SessionImpl session;
    private final Loader loader;
    private final EntityPersister persister;
    private final List<Expression> filters;
    private final List<String> descriptions;
    private final List<OrderItem> orderBy;
    private final Optional<Integer> limit;
    private final Optional<Integer> offset;

    QueryImpl(SessionImpl session, Loader loader, EntityPersister persister) {
        this(session, loader, persister, List.of(), List.of(), List.of(), Optional.empty(), Optional.empty());
    }

    private QueryImpl(SessionImpl session, Loader loader, EntityPersister persister, List<Expression> filters,
                      List<String> descriptions, List<OrderItem> orderBy, Optional<Integer> limit, Optional<Integer> offset) {
        this.session = session;
        this.loader = loader;
        this.persister = persister;
        this.filters = filters;
        this.descriptions = descriptions;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
    }

    @Override
    public Query<T> filterBy(String attribute, Object value) {
        AttributeModel model = persister.model().requireAttribute(attribute);
        Object coerced = Ids.coerce(model, value,
                () -> "filterBy(\"" + attribute + "\", " + (value instanceof String ? "\"" + value + "\"" : value) + ")");
        Expression column = new Expression.ColumnRef(model.column().name());
        Expression condition = coerced == null ? new Expression.IsNull(column, false)
                : Expression.eq(column, new Expression.Value(model.toStored(coerced), model.column().type().type()));
        return new QueryImpl<>(session, loader, persister, append(filters, condition),
                append(descriptions, attribute + (coerced == null ? " IS NULL" : " = " + (coerced instanceof String ? "'" + coerced + "'" : coerced))),
                orderBy, limit, offset);
    }

    @Override
    public Query<T> orderBy(String... attributes) {
        List<OrderItem> items = new ArrayList<>(orderBy);
        for (String attribute : attributes) {
            items.add(new OrderItem(column(attribute), false));
        }
        return new QueryImpl<>(session, loader, persister, filters, descriptions, List.copyOf(items), limit, offset);
    }

    @Override
    public Query<T> orderBy(Order... orders) {
        List<OrderItem> items = new ArrayList<>(orderBy);
        for (Order order : orders) {
            items.add(new OrderItem(column(order.attribute()), order.descending()));
        }
        return new QueryImpl<>(session, loader, persister, filters, descriptions, List.copyOf(items), limit, offset);
    }

    private Expression column(String attribute) {
        return new Expression.ColumnRef(persister.model().requireAttribute(attribute).column().name());
    }

    @Override
    public Query<T> limit(int limit) {
        requireNotNegative("limit", limit);
        return new QueryImpl<>(session, loader, persister, filters, descriptions, orderBy, Optional.of(limit), offset);
    }

    @Override
    public Query<T> offset(int offset) {
        requireNotNegative("offset", offset);
        return new QueryImpl<>(session, loader, persister, filters, descriptions, orderBy, limit, Optional.of(offset));
    }

    private static void requireNotNegative(String what, int value) {
        if (value < 0) {
            throw new InvalidRequestException(what + "(" + value + "): the " + what + " must be zero or more.");
        }
    }

    @Override
    public List<T> all() {
        return run(limit);
    }

    @SuppressWarnings("unchecked")
    private List<T> run(Optional<Integer> rowLimit) {
        session.checkUsable();
        session.flush();
        Statement.Select select = new Statement.Select(persister.model().table().name(), persister.allColumns(), where(),
                orderBy, rowLimit, offset);
        CompiledStatement compiled = session.context().dialect().compile(select);
        return (List<T>) loader.select(persister, compiled, new Object[0]);
    }

    private Optional<Expression> where() {
        if (filters.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(filters.size() == 1 ? filters.get(0) : new Expression.And(filters));
    }

    @Override
    public T first() {
        List<T> rows = run(Optional.of(limit.map(value -> Math.min(value, 1)).orElse(1)));
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
        List<T> rows = run(Optional.of(limit.map(value -> Math.min(value, 2)).orElse(2)));
        if (rows.size() > 1) {
            throw new MultipleResultsFoundException("Expected one row for " + describe() + " but found more than one. "
                    + "To fix this, filter on something unique (such as the id), or use first() or all().");
        }
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Override
    public long count() {
        if (limit.isPresent() || offset.isPresent()) {
            return all().size();
        }
        session.checkUsable();
        session.flush();
        Statement.Select select = new Statement.Select(persister.model().table().name(), List.of(new Expression.CountAll()),
                where(), List.of(), Optional.empty(), Optional.empty());
        return loader.selectLong(persister, session.context().dialect().compile(select));
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(Object id) {
        return (T) session.get(persister.entityType(), id);
    }

    private String describe() {
        return "query(" + persister.entityName() + ")" + (descriptions.isEmpty() ? ""
                : " where " + descriptions.stream().collect(Collectors.joining(" and ")));
    }

    private static <E> List<E> append(List<E> list, E element) {
        List<E> copy = new ArrayList<>(list);
        copy.add(element);
        return List.copyOf(copy);
    }
}
