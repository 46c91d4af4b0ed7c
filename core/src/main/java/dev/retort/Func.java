package dev.retort;

import java.time.LocalDateTime;
import java.util.List;

import dev.retort.sql.Expression;
import dev.retort.sql.Expression.FunctionName;

/**
 * SQL functions over expressions, as SQLAlchemy's {@code func}: aggregates ({@link #count()}, {@link #sum},
 * ...), string and number functions, {@link #now()}, and {@link #value} for a bound value used as an
 * expression. Each dialect renders them in its own SQL. Thread-safe.
 */
public final class Func {
    private Func() {
    }

    /** {@code COUNT(*)}. */
    public static Expr<Long> count() {
        return new Expr.Derived<>(Long.class, new Expression.CountAll(), "count(*)", null);
    }

    /** {@code COUNT(x)}: the rows where {@code x} is not null. */
    public static Expr<Long> count(Expr<?> expression) {
        return new Expr.Derived<>(Long.class, call(FunctionName.COUNT, expression), "count(" + expression + ")", null);
    }

    /** {@code SUM(x)}, read as the argument's type; null over no rows. */
    public static <N extends Number> Expr<N> sum(Expr<N> expression) {
        return expression.derived(expression.javaType(), call(FunctionName.SUM, expression), "sum(" + expression + ")");
    }

    /** {@code AVG(x)}, read as a double. */
    public static Expr<Double> avg(Expr<? extends Number> expression) {
        return new Expr.Derived<>(Double.class, call(FunctionName.AVG, expression), "avg(" + expression + ")", null);
    }

    public static <T> Expr<T> min(Expr<T> expression) {
        return expression.derived(expression.javaType(), call(FunctionName.MIN, expression), "min(" + expression + ")");
    }

    public static <T> Expr<T> max(Expr<T> expression) {
        return expression.derived(expression.javaType(), call(FunctionName.MAX, expression), "max(" + expression + ")");
    }

    public static Expr<String> lower(Expr<String> expression) {
        return new Expr.Derived<>(String.class, call(FunctionName.LOWER, expression), "lower(" + expression + ")", null);
    }

    public static Expr<String> upper(Expr<String> expression) {
        return new Expr.Derived<>(String.class, call(FunctionName.UPPER, expression), "upper(" + expression + ")", null);
    }

    /** The length in characters (CHAR_LENGTH on MySQL, whose LENGTH counts bytes). */
    public static Expr<Integer> length(Expr<String> expression) {
        return new Expr.Derived<>(Integer.class, call(FunctionName.LENGTH, expression), "length(" + expression + ")", null);
    }

    public static <N extends Number> Expr<N> abs(Expr<N> expression) {
        return expression.derived(expression.javaType(), call(FunctionName.ABS, expression), "abs(" + expression + ")");
    }

    /** {@code COALESCE(x, fallback)}: {@code x}, or {@code fallback} where {@code x} is null. */
    public static <T> Expr<T> coalesce(Expr<T> expression, T fallback) {
        if (fallback == null) {
            throw new InvalidRequestException("Func.coalesce(" + expression + ", null): a null fallback changes nothing. "
                    + "To fix this, pass the value to use where " + expression + " is null.");
        }
        return expression.derived(expression.javaType(), new Expression.Function(FunctionName.COALESCE,
                List.of(expression.node(), expression.bind(fallback))), "coalesce(" + expression + ", " + Expr.describe(fallback) + ")");
    }

    public static <T> Expr<T> coalesce(Expr<T> expression, Expr<? extends T> fallback) {
        return expression.derived(expression.javaType(), new Expression.Function(FunctionName.COALESCE,
                List.of(expression.node(), fallback.node())), "coalesce(" + expression + ", " + fallback + ")");
    }

    /** The database's current local date and time (LOCALTIMESTAMP, NOW(6) on MySQL). */
    public static Expr<LocalDateTime> now() {
        return new Expr.Derived<>(LocalDateTime.class, new Expression.CurrentTimestamp(), "now()", null);
    }

    /** {@code CASE WHEN condition THEN result ...}: add branches with {@link Case#when}, a default with {@link Case#otherwise}. */
    @SuppressWarnings("unchecked")
    public static <T> Case<T> caseWhen(Predicate condition, T result) {
        return Case.of((Class<T>) result.getClass()).when(condition, result);
    }

    public static <T> Case<T> caseWhen(Predicate condition, Expr<T> result) {
        return Case.of(result.javaType()).when(condition, result);
    }

    /** {@code ROW_NUMBER()}, numbering the rows of a window from 1: use with {@link Expr#over}. */
    public static Expr<Long> rowNumber() {
        return new Expr.Derived<>(Long.class, new Expression.Function(FunctionName.ROW_NUMBER, List.of()), "row_number()", null);
    }

    /** {@code RANK()} within a window, with gaps after ties: use with {@link Expr#over}. */
    public static Expr<Long> rank() {
        return new Expr.Derived<>(Long.class, new Expression.Function(FunctionName.RANK, List.of()), "rank()", null);
    }

    /** {@code DENSE_RANK()} within a window, without gaps: use with {@link Expr#over}. */
    public static Expr<Long> denseRank() {
        return new Expr.Derived<>(Long.class, new Expression.Function(FunctionName.DENSE_RANK, List.of()), "dense_rank()", null);
    }

    /** {@code EXISTS (subquery)}; the subquery may refer to the enclosing query's tables (correlated). */
    public static Predicate exists(SelectQuery subquery) {
        return new Predicate(new Expression.Exists(subquery.statement()), "EXISTS (subquery)");
    }

    /** A subquery of one value (one column, at most one row) as an expression: {@code (SELECT max(...) ...)}. */
    public static <T> Expr<T> scalar(SelectQuery subquery, Class<T> type) {
        return new Expr.Derived<>(type, new Expression.ScalarSubquery(subquery.statement()), "(subquery)", null);
    }

    /** A value as an expression, bound as a parameter: {@code Func.value("Dr. ").concat(User_.name)}. */
    @SuppressWarnings("unchecked")
    public static <T> Expr<T> value(T value) {
        if (value == null) {
            throw new InvalidRequestException("Func.value(null): a null value has no SQL type. To fix this, use isNull() "
                    + "in conditions, or pass a value.");
        }
        return new Expr.Derived<>((Class<T>) value.getClass(), new Expression.Value(value, Expr.sqlTypeOf(value)),
                Expr.describe(value), null);
    }

    private static Expression call(FunctionName name, Expr<?> argument) {
        return new Expression.Function(name, List.of(argument.node()));
    }
}
