package dev.retort.session.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.retort.dialect.Dialects;
import dev.retort.sql.CompiledStatement;
import dev.retort.sql.Expression;
import dev.retort.sql.OrderItem;
import dev.retort.sql.SqlType;
import dev.retort.sql.Statement;

/** Query statements are rendered once per shape; each execution carries its own values. */
class ShapeCacheTest {

    private static Statement usersOlderThan(int age, String pattern) {
        return new Statement.Select("users", List.of(new Expression.ColumnRef("id")), Optional.of(new Expression.And(List.of(
                new Expression.Comparison(new Expression.ColumnRef("age"), Expression.Operator.GT, new Expression.Value(age, SqlType.INTEGER)),
                new Expression.Like(new Expression.ColumnRef("name"), new Expression.Value(pattern, SqlType.VARCHAR), false, true)))),
                List.of(), Optional.of(10), Optional.empty());
    }

    @Test
    void sameShapeWithOtherValuesIsRenderedOnceAndBoundWithItsOwnValues() {
        ShapeCache cache = new ShapeCache(Dialects.byName("sqlite").orElseThrow());
        CompiledStatement first = cache.compile(usersOlderThan(30, "a%"));
        CompiledStatement second = cache.compile(usersOlderThan(40, "b%"));

        assertThat(cache.size()).isEqualTo(1);
        assertThat(second.sql()).isSameAs(first.sql()).isEqualTo("SELECT id FROM users WHERE age > ? AND LOWER(name) LIKE LOWER(?) LIMIT ?");
        assertThat(first.parameters()).containsExactly(new Expression.Value(30, SqlType.INTEGER),
                new Expression.Value("a%", SqlType.VARCHAR), new Expression.Value(10, SqlType.INTEGER));
        assertThat(second.parameters()).containsExactly(new Expression.Value(40, SqlType.INTEGER),
                new Expression.Value("b%", SqlType.VARCHAR), new Expression.Value(10, SqlType.INTEGER));
    }

    @Test
    void aValueRenderedTwiceIsBoundTwice() {
        ShapeCache cache = new ShapeCache(Dialects.byName("mysql").orElseThrow());
        Statement select = new Statement.Select("users", List.of(new Expression.ColumnRef("id")), Optional.empty(),
                List.of(new OrderItem(new Expression.Function(Expression.FunctionName.COALESCE, List.of(new Expression.ColumnRef("age"),
                        new Expression.Value(7, SqlType.INTEGER))), false, OrderItem.Nulls.FIRST)), Optional.empty(), Optional.empty());

        CompiledStatement compiled = cache.compile(select);

        assertThat(compiled.sql()).isEqualTo("SELECT id FROM users ORDER BY (COALESCE(age, ?) IS NULL) DESC, COALESCE(age, ?)");
        assertThat(compiled.parameters()).containsExactly(new Expression.Value(7, SqlType.INTEGER), new Expression.Value(7, SqlType.INTEGER));
    }

    @Test
    void otherShapesAreCompiledApart() {
        ShapeCache cache = new ShapeCache(Dialects.byName("h2").orElseThrow());
        cache.compile(usersOlderThan(30, "a%"));
        cache.compile(new Statement.Delete("users", null));
        cache.compile(new Statement.Update("users", List.of("age"), List.of(new Expression.Value(null, SqlType.INTEGER)), null));

        assertThat(cache.compile(new Statement.Update("users", List.of("age"), List.of(new Expression.Value(5, SqlType.INTEGER)), null))
                .parameters()).containsExactly(new Expression.Value(5, SqlType.INTEGER));
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void aStatementWithLiteralsIsCompiledForItsRunOnlyAndNotKept() {
        ShapeCache cache = new ShapeCache(Dialects.byName("h2").orElseThrow());
        Statement select = new Statement.Select("posts", List.of(new Expression.ColumnRef("id")), Optional.of(new Expression.And(List.of(
                new Expression.In(new Expression.ColumnRef("user_id"), List.of(new Expression.Literal(3), new Expression.Literal(5)), false),
                new Expression.Comparison(new Expression.ColumnRef("title"), Expression.Operator.EQ, new Expression.Value("x", SqlType.VARCHAR))))),
                List.of(), Optional.empty(), Optional.empty());

        CompiledStatement compiled = cache.compile(select);

        assertThat(compiled.sql()).isEqualTo("SELECT id FROM posts WHERE user_id IN (3, 5) AND title = ?");
        assertThat(compiled.parameters()).containsExactly(new Expression.Value("x", SqlType.VARCHAR));
        assertThat(compiled.reusable()).as("a prepared statement of it is not kept for the transaction").isFalse();
        assertThat(cache.size()).as("no shape cached").isZero();
        assertThat(cache.compile(usersOlderThan(30, "a%")).reusable()).isTrue();
    }
}
