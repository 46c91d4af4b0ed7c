package dev.retort;

import java.util.ArrayList;
import java.util.List;

import dev.retort.sql.Expression;

/**
 * A CASE expression, started by {@link Func#caseWhen}:
 * {@code Func.caseWhen(User_.age.lt(18), "minor").when(User_.age.lt(65), "adult").otherwise("senior")}.
 * Without {@link #otherwise} it is null where no condition holds. Results are bound as parameters.
 * Immutable and thread-safe.
 *
 * @param <T> the type of the results
 */
public final class Case<T> extends Expr<T> {
    private final List<Expression.When> whens;
    private final List<String> descriptions;

    private Case(Class<T> javaType, List<Expression.When> whens, List<String> descriptions) {
        super(javaType);
        this.whens = List.copyOf(whens);
        this.descriptions = List.copyOf(descriptions);
    }

    /** A CASE with no branch yet; {@link Func#caseWhen} starts one. */
    static <T> Case<T> of(Class<T> javaType) {
        return new Case<>(javaType, List.of(), List.of());
    }

    public Case<T> when(Predicate condition, T result) {
        return when(condition, Func.value(result));
    }

    public Case<T> when(Predicate condition, Expr<? extends T> result) {
        List<Expression.When> more = new ArrayList<>(whens);
        more.add(new Expression.When(condition.node(), result.node()));
        List<String> text = new ArrayList<>(descriptions);
        text.add("WHEN " + condition + " THEN " + result);
        return new Case<>(javaType(), more, text);
    }

    /** The result where no condition holds. */
    public Expr<T> otherwise(T result) {
        return otherwise(Func.value(result));
    }

    public Expr<T> otherwise(Expr<? extends T> result) {
        return new Expr.Derived<>(javaType(), new Expression.Case(whens, result.node()), describe(" ELSE " + result), null);
    }

    @Override
    public Expression node() {
        return new Expression.Case(whens, null);
    }

    private String describe(String otherwise) {
        return "CASE " + String.join(" ", descriptions) + otherwise + " END";
    }

    @Override
    public String toString() {
        return describe("");
    }
}
