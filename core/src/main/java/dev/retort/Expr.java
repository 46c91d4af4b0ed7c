package dev.retort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import dev.retort.sql.Expression;
import dev.retort.sql.SqlType;

/**
 * A typed SQL expression: an attribute ({@code User_.age}), a function of expressions
 * ({@code Func.lower(User_.name)}), arithmetic, a CASE. Conditions built from it are {@link Predicate}s;
 * values given to it always travel as bind parameters, never inside the SQL text. Immutable and thread-safe.
 *
 * @param <T> the Java type of the expression's value
 */
public abstract class Expr<T> {
    private final Class<T> javaType;

    Expr(Class<T> javaType) {
        this.javaType = javaType;
    }

    /** The Java type values of this expression are read as ({@code Object} when unknown). */
    public Class<T> javaType() {
        return javaType;
    }

    /** This expression as a node of the dialect-neutral SQL tree, which each dialect's compiler renders. */
    public abstract Expression node();

    /**
     * A value compared with this expression, as a bind parameter of the right SQL type; an {@code Expr}
     * passed where a value was expected is used as an expression.
     */
    Expression bind(Object value) {
        if (value instanceof Expr<?> expression) {
            return expression.node();
        }
        return new Expression.Value(value, sqlTypeOf(value));
    }

    static SqlType sqlTypeOf(Object value) {
        if (value == null) {
            return SqlType.VARCHAR;
        }
        SqlType type = dev.retort.mapping.JavaTypes.columnType(value.getClass());
        if (type != null) {
            return type;
        }
        throw new InvalidRequestException("Cannot bind a " + value.getClass().getName() + " (" + value + ") as a query value. "
                + "To fix this, pass one of the mapped value types: " + dev.retort.mapping.JavaTypes.SUPPORTED + ".");
    }

    // ---- comparisons --------------------------------------------------------------------------------

    /** {@code this = value}; a null value gives {@code IS NULL}, as SQLAlchemy's {@code == None} does. */
    public final Predicate eq(T value) {
        return value == null ? isNull() : compare(Expression.Operator.EQ, value);
    }

    public final Predicate eq(Expr<? extends T> other) {
        return compare(Expression.Operator.EQ, other);
    }

    /** {@code this <> value}; a null value gives {@code IS NOT NULL}. */
    public final Predicate ne(T value) {
        return value == null ? isNotNull() : compare(Expression.Operator.NE, value);
    }

    public final Predicate ne(Expr<? extends T> other) {
        return compare(Expression.Operator.NE, other);
    }

    public final Predicate gt(T value) {
        return compare(Expression.Operator.GT, value);
    }

    public final Predicate gt(Expr<? extends T> other) {
        return compare(Expression.Operator.GT, other);
    }

    public final Predicate ge(T value) {
        return compare(Expression.Operator.GE, value);
    }

    public final Predicate ge(Expr<? extends T> other) {
        return compare(Expression.Operator.GE, other);
    }

    public final Predicate lt(T value) {
        return compare(Expression.Operator.LT, value);
    }

    public final Predicate lt(Expr<? extends T> other) {
        return compare(Expression.Operator.LT, other);
    }

    public final Predicate le(T value) {
        return compare(Expression.Operator.LE, value);
    }

    public final Predicate le(Expr<? extends T> other) {
        return compare(Expression.Operator.LE, other);
    }

    private Predicate compare(Expression.Operator operator, Object right) {
        requireValue(right, operator.name().toLowerCase(java.util.Locale.ROOT));
        return new Predicate(new Expression.Comparison(node(), operator, bind(right)),
                this + " " + operator.symbol() + " " + describe(right));
    }

    /** {@code this BETWEEN low AND high}, both ends included. */
    public final Predicate between(T low, T high) {
        requireValue(low, "between");
        requireValue(high, "between");
        return new Predicate(new Expression.Between(node(), bind(low), bind(high)),
                this + " BETWEEN " + describe(low) + " AND " + describe(high));
    }

    @SafeVarargs
    public final Predicate in(T... values) {
        return in(Arrays.asList(values));
    }

    /** {@code this IN (values)}, one bind parameter per value; an empty collection matches nothing. */
    public final Predicate in(Collection<? extends T> values) {
        return inList(values, false);
    }

    @SafeVarargs
    public final Predicate notIn(T... values) {
        return notIn(Arrays.asList(values));
    }

    /** {@code this NOT IN (values)}; an empty collection matches everything. */
    public final Predicate notIn(Collection<? extends T> values) {
        return inList(values, true);
    }

    private Predicate inList(Collection<? extends T> values, boolean negated) {
        List<Expression> bound = new ArrayList<>(values.size());
        for (T value : values) {
            requireValue(value, negated ? "notIn" : "in");
            bound.add(bind(value));
        }
        return new Predicate(new Expression.In(node(), bound, negated), this + (negated ? " NOT IN (" : " IN (")
                + values.stream().map(Expr::describe).collect(Collectors.joining(", ")) + ")");
    }

    public final Predicate isNull() {
        return new Predicate(new Expression.IsNull(node(), false), this + " IS NULL");
    }

    public final Predicate isNotNull() {
        return new Predicate(new Expression.IsNull(node(), true), this + " IS NOT NULL");
    }

    /** {@code this LIKE pattern}, with SQL's wildcards {@code %} and {@code _}; case-sensitivity is the database's. */
    public final Predicate like(String pattern) {
        return like(pattern, false, false, "LIKE");
    }

    public final Predicate notLike(String pattern) {
        return like(pattern, true, false, "NOT LIKE");
    }

    /** Case-insensitive LIKE on every database: ILIKE where it exists, else {@code LOWER(this) LIKE LOWER(pattern)}. */
    public final Predicate ilike(String pattern) {
        return like(pattern, false, true, "ILIKE");
    }

    private Predicate like(String pattern, boolean negated, boolean caseInsensitive, String operator) {
        requireValue(pattern, operator.toLowerCase(java.util.Locale.ROOT).replace(" ", ""));
        return new Predicate(new Expression.Like(node(), new Expression.Value(pattern, SqlType.VARCHAR), negated, caseInsensitive),
                this + " " + operator + " " + describe(pattern));
    }

    // ---- arithmetic and strings ---------------------------------------------------------------------

    public final Expr<T> plus(T value) {
        return arithmetic(Expression.ArithmeticOperator.PLUS, value);
    }

    public final Expr<T> plus(Expr<? extends T> other) {
        return arithmetic(Expression.ArithmeticOperator.PLUS, other);
    }

    public final Expr<T> minus(T value) {
        return arithmetic(Expression.ArithmeticOperator.MINUS, value);
    }

    public final Expr<T> minus(Expr<? extends T> other) {
        return arithmetic(Expression.ArithmeticOperator.MINUS, other);
    }

    public final Expr<T> times(T value) {
        return arithmetic(Expression.ArithmeticOperator.TIMES, value);
    }

    public final Expr<T> times(Expr<? extends T> other) {
        return arithmetic(Expression.ArithmeticOperator.TIMES, other);
    }

    /** Division; integer operands divide as integers on most databases (MySQL gives a decimal). */
    public final Expr<T> div(T value) {
        return arithmetic(Expression.ArithmeticOperator.DIVIDE, value);
    }

    public final Expr<T> div(Expr<? extends T> other) {
        return arithmetic(Expression.ArithmeticOperator.DIVIDE, other);
    }

    private Expr<T> arithmetic(Expression.ArithmeticOperator operator, Object right) {
        requireValue(right, operator.name().toLowerCase(java.util.Locale.ROOT));
        return derived(javaType, new Expression.Arithmetic(node(), operator, bind(right)),
                "(" + this + " " + operator.symbol() + " " + describe(right) + ")");
    }

    /** String concatenation ({@code ||}, or CONCAT() on MySQL); a null operand makes the result null. */
    public final Expr<String> concat(String value) {
        requireValue(value, "concat");
        return concatenation(new Expression.Value(value, SqlType.VARCHAR), describe(value));
    }

    public final Expr<String> concat(Expr<?> other) {
        return concatenation(other.node(), other.toString());
    }

    /** One flat concatenation for a chain of calls: {@code a || b || c}. */
    private Expr<String> concatenation(Expression right, String description) {
        List<Expression> operands = new ArrayList<>();
        if (node() instanceof Expression.Concat left) {
            operands.addAll(left.operands());
        } else {
            operands.add(node());
        }
        operands.add(right);
        return new Derived<>(String.class, new Expression.Concat(operands), this + " || " + description, null);
    }

    // ---- subqueries and windows -----------------------------------------------------------------------

    /** {@code this IN (SELECT ...)}: the subquery selects one column. */
    public final Predicate in(SelectQuery subquery) {
        return new Predicate(new Expression.InSubquery(node(), subquery.statement(), false), this + " IN (subquery)");
    }

    public final Predicate notIn(SelectQuery subquery) {
        return new Predicate(new Expression.InSubquery(node(), subquery.statement(), true), this + " NOT IN (subquery)");
    }

    /** This function over a window: {@code Func.rowNumber().over(Over.partitionBy(...).orderBy(...))}, {@code Func.sum(x).over(...)}. */
    public final Expr<T> over(Over window) {
        return derived(javaType, new Expression.Window(node(), window.partitionNodes(), window.orderItems()), this + " " + window);
    }

    // ---- ordering -----------------------------------------------------------------------------------

    public final Order asc() {
        return Order.of(this, false);
    }

    public final Order desc() {
        return Order.of(this, true);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** A new expression of the same kind of values, binding values as this one does (an attribute's type, enums). */
    final <R> Expr<R> derived(Class<R> type, Expression node, String description) {
        return new Derived<>(type, node, description, this);
    }

    private void requireValue(Object value, String operation) {
        if (value == null) {
            throw new InvalidRequestException(this + "." + operation + "(null): SQL compares nothing with NULL. "
                    + "To fix this, use isNull() or isNotNull(), or eq(null) / ne(null), which mean the same.");
        }
    }

    static String describe(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }

    /** An expression built from others; binds values as its source expression does, when it has one. */
    static final class Derived<T> extends Expr<T> {
        private final Expression node;
        private final String description;
        private final Expr<?> source;

        Derived(Class<T> javaType, Expression node, String description, Expr<?> source) {
            super(javaType);
            this.node = node;
            this.description = description;
            this.source = source;
        }

        @Override
        public Expression node() {
            return node;
        }

        @Override
        Expression bind(Object value) {
            return source != null ? source.bind(value) : super.bind(value);
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
