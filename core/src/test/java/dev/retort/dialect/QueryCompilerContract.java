package dev.retort.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.retort.sql.CompiledStatement;
import dev.retort.sql.Expression;
import dev.retort.sql.Expression.And;
import dev.retort.sql.Expression.ArithmeticOperator;
import dev.retort.sql.Expression.ColumnRef;
import dev.retort.sql.Expression.Comparison;
import dev.retort.sql.Expression.FunctionName;
import dev.retort.sql.Expression.Operator;
import dev.retort.sql.Expression.Value;
import dev.retort.sql.OrderItem;
import dev.retort.sql.SqlType;
import dev.retort.sql.Statement;

/**
 * Compile-only tests of the query language's SQL (predicates, functions, CASE, ordering, DISTINCT,
 * EXISTS, grouping) shared by the four dialects; {@link DialectCompilerContract} extends it, so each
 * dialect's compiler test runs these too and gives the SQL where its database differs.
 */
public abstract class QueryCompilerContract {

    protected abstract String dialectName();

    /** {@code name} ILIKE {@code ?}, negated NOT LIKE, and LIKE, in a WHERE of users. */
    protected String ilikeSelect() {
        return "SELECT id FROM users WHERE name ILIKE ? AND name NOT LIKE ? AND email LIKE ?";
    }

    /** {@code name}, a bound separator and {@code email} concatenated, selected from users. */
    protected String concatSelect() {
        return "SELECT name || ? || email FROM users";
    }

    /** LENGTH(name) and the current local timestamp, selected from users. */
    protected String lengthAndNowSelect() {
        return "SELECT LENGTH(name), LOCALTIMESTAMP FROM users";
    }

    /** Users ordered by age nulls first, then name descending nulls last. */
    protected String nullsOrderingSelect() {
        return "SELECT id FROM users ORDER BY age NULLS FIRST, name DESC NULLS LAST";
    }

    /** {@link #fullJoin()} compiled, or the whole message of the error where the database lacks FULL JOIN. */
    protected String fullJoinSqlOrError() {
        return "SELECT users.name, posts.title FROM users FULL JOIN posts ON posts.author_id = users.id";
    }

    // ---- shared ---------------------------------------------------------------------------------------

    @Test
    void orNotBetweenAndIn() {
        CompiledStatement compiled = compile(where(new And(List.of(
                new Expression.Or(List.of(Expression.eq(column("name"), value("Al")), new Expression.Not(
                        new Comparison(column("age"), Operator.LT, value(18))))),
                new Expression.Between(column("age"), value(20), value(30)),
                new Expression.In(column("id"), List.of(value(1L), value(2L)), false),
                new Expression.In(column("name"), List.of(value("x")), true)))));

        assertThat(compiled.sql()).isEqualTo("SELECT id FROM users WHERE (name = ? OR NOT (age < ?)) AND age BETWEEN ? AND ? "
                + "AND id IN (?, ?) AND name NOT IN (?)");
        assertThat(compiled.parameters()).containsExactly(value("Al"), value(18), value(20), value(30), value(1L), value(2L), value("x"));
    }

    @Test
    void emptyInIsAlwaysFalseAndEmptyNotInAlwaysTrue() {
        assertThat(compile(where(new Expression.In(column("id"), List.of(), false))).sql())
                .isEqualTo("SELECT id FROM users WHERE 1 = 0");
        assertThat(compile(where(new Expression.In(column("id"), List.of(), true))).sql())
                .isEqualTo("SELECT id FROM users WHERE 1 = 1");
    }

    @Test
    void arithmeticKeepsPrecedenceWithParentheses() {
        Expression agePlusOne = new Expression.Arithmetic(column("age"), ArithmeticOperator.PLUS, value(1));
        CompiledStatement compiled = compile(where(new Comparison(
                new Expression.Arithmetic(agePlusOne, ArithmeticOperator.TIMES, value(2)), Operator.GT, column("score"))));

        assertThat(compiled.sql()).isEqualTo("SELECT id FROM users WHERE ((age + ?) * ?) > score");
    }

    @Test
    void functionsAndCase() {
        Expression caseExpression = new Expression.Case(List.of(
                new Expression.When(new Comparison(column("age"), Operator.LT, value(18)), value("minor"))), value("adult"));
        CompiledStatement compiled = compile(columns(
                new Expression.Function(FunctionName.COUNT, List.of(column("age"))),
                new Expression.Function(FunctionName.SUM, List.of(column("age"))),
                new Expression.Function(FunctionName.AVG, List.of(column("age"))),
                new Expression.Function(FunctionName.MIN, List.of(column("age"))),
                new Expression.Function(FunctionName.MAX, List.of(column("age"))),
                new Expression.Function(FunctionName.LOWER, List.of(column("name"))),
                new Expression.Function(FunctionName.UPPER, List.of(column("name"))),
                new Expression.Function(FunctionName.ABS, List.of(column("balance"))),
                new Expression.Function(FunctionName.COALESCE, List.of(column("age"), value(0))),
                caseExpression,
                new Expression.Case(List.of(new Expression.When(new Expression.IsNull(column("age"), false), value(0))), null)));

        assertThat(compiled.sql()).isEqualTo("SELECT COUNT(age), SUM(age), AVG(age), MIN(age), MAX(age), LOWER(name), UPPER(name), "
                + "ABS(balance), COALESCE(age, ?), CASE WHEN age < ? THEN ? ELSE ? END, CASE WHEN age IS NULL THEN ? END FROM users");
        assertThat(compiled.parameters()).containsExactly(value(0), value(18), value("minor"), value("adult"), value(0));
    }

    @Test
    void caseInsensitiveLike() {
        CompiledStatement compiled = compile(where(new And(List.of(
                new Expression.Like(column("name"), value("a%"), false, true),
                new Expression.Like(column("name"), value("%z"), true, false),
                new Expression.Like(column("email"), value("%@x.org"), false, false)))));

        assertThat(compiled.sql()).isEqualTo(ilikeSelect());
        assertThat(compiled.parameters()).containsExactly(value("a%"), value("%z"), value("%@x.org"));
    }

    @Test
    void concatenation() {
        CompiledStatement compiled = compile(columns(new Expression.Concat(List.of(column("name"), value(" <"), column("email")))));

        assertThat(compiled.sql()).isEqualTo(concatSelect());
        assertThat(compiled.parameters()).containsExactly(value(" <"));
    }

    @Test
    void lengthAndNow() {
        assertThat(compile(columns(new Expression.Function(FunctionName.LENGTH, List.of(column("name"))),
                new Expression.CurrentTimestamp())).sql()).isEqualTo(lengthAndNowSelect());
    }

    @Test
    void nullsFirstAndLast() {
        Statement select = new Statement.Select("users", List.of(column("id")), Optional.empty(),
                List.of(new OrderItem(column("age"), false, OrderItem.Nulls.FIRST),
                        new OrderItem(column("name"), true, OrderItem.Nulls.LAST)), Optional.empty(), Optional.empty());

        assertThat(compile(select).sql()).isEqualTo(nullsOrderingSelect());
    }

    @Test
    void distinct() {
        Statement select = new Statement.Select(true, List.of(column("age")), "users", Optional.empty(), List.of(),
                Optional.empty(), List.of(new OrderItem(column("age"), false)), Optional.empty(), Optional.empty());

        assertThat(compile(select).sql()).isEqualTo("SELECT DISTINCT age FROM users ORDER BY age");
    }

    @Test
    void existsQualifiesTheSubquerysColumnsAndNeedsNoFrom() {
        Statement.Select inner = new Statement.Select(false, List.of(new Expression.AllColumns()), "users",
                Optional.of(new Comparison(new ColumnRef("users", "age"), Operator.GT, value(30))), List.of(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty());
        CompiledStatement compiled = compile(new Statement.Select(null, List.of(new Expression.Exists(inner)), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty()));

        assertThat(compiled.sql()).isEqualTo("SELECT EXISTS (SELECT * FROM users WHERE users.age > ?)");
        assertThat(compiled.parameters()).containsExactly(value(30));
    }

    @Test
    void qualifiedColumnsRenderBareInASingleTableSelect() {
        assertThat(compile(where(Expression.eq(new ColumnRef("users", "name"), value("x")))).sql())
                .isEqualTo("SELECT id FROM users WHERE name = ?");
    }

    @Test
    void groupByAndHaving() {
        Statement select = new Statement.Select(false, List.of(column("team"), new Expression.CountAll(),
                new Expression.Function(FunctionName.SUM, List.of(column("points")))), "scores",
                Optional.of(new Comparison(column("points"), Operator.GT, value(0))), List.of(column("team")),
                Optional.of(new Comparison(new Expression.CountAll(), Operator.GT, value(1))),
                List.of(new OrderItem(column("team"), false)), Optional.empty(), Optional.empty());
        CompiledStatement compiled = compile(select);

        assertThat(compiled.sql()).isEqualTo("SELECT team, COUNT(*), SUM(points) FROM scores WHERE points > ? GROUP BY team "
                + "HAVING COUNT(*) > ? ORDER BY team");
        assertThat(compiled.parameters()).containsExactly(value(0), value(1));
    }

    @Test
    void bulkUpdateWithExpressionAndBulkDeleteWithAndWithoutWhere() {
        CompiledStatement update = compile(new Statement.Update("users", List.of("age", "name"),
                List.of(new Expression.Arithmetic(column("age"), ArithmeticOperator.PLUS, value(1)), new Value(null, SqlType.VARCHAR)),
                new Comparison(column("age"), Operator.LT, value(18))));
        assertThat(update.sql()).isEqualTo("UPDATE users SET age = age + ?, name = ? WHERE age < ?");
        assertThat(update.parameters()).containsExactly(value(1), new Value(null, SqlType.VARCHAR), value(18));
        assertThat(compile(new Statement.Update("users", List.of("age"), List.of(value(0)), null)).sql())
                .isEqualTo("UPDATE users SET age = ?");
        assertThat(compile(new Statement.Delete("users", null)).sql()).isEqualTo("DELETE FROM users");
        assertThat(compile(new Statement.Delete("users", new Expression.In(column("id"), List.of(value(1L)), false))).sql())
                .isEqualTo("DELETE FROM users WHERE id IN (?)");
    }

    @Test
    void joinsQualifyEveryColumnAndAliasesNameTheirTable() {
        Statement select = new Statement.Select(false, List.of(new ColumnRef("employees", "name"), new ColumnRef("manager", "name"),
                new ColumnRef("posts", "title")), "employees", null, List.of(
                new Statement.Join(Statement.JoinKind.INNER, "employees", "manager",
                        Expression.eq(new ColumnRef("employees", "manager_id"), new ColumnRef("manager", "id"))),
                new Statement.Join(Statement.JoinKind.LEFT, "posts", null,
                        Expression.eq(new ColumnRef("posts", "author_id"), new ColumnRef("employees", "id")))),
                Optional.of(new Comparison(new ColumnRef("manager", "name"), Operator.NE, value("x"))), List.of(), Optional.empty(),
                List.of(new OrderItem(new ColumnRef("employees", "name"), false)), Optional.empty(), Optional.empty());

        assertThat(compile(select).sql()).isEqualTo("SELECT employees.name, manager.name, posts.title FROM employees "
                + "JOIN employees manager ON employees.manager_id = manager.id "
                + "LEFT JOIN posts ON posts.author_id = employees.id WHERE manager.name <> ? ORDER BY employees.name");
    }

    @Test
    void fullJoinWhereTheDatabaseHasIt() {
        String expected = fullJoinSqlOrError();
        if (expected.startsWith("SELECT")) {
            assertThat(compile(fullJoin()).sql()).isEqualTo(expected);
        } else {
            assertThatThrownBy(() -> compile(fullJoin())).isInstanceOf(dev.retort.UnsupportedFeatureException.class)
                    .hasMessage(expected);
        }
    }

    protected static Statement fullJoin() {
        return new Statement.Select(false, List.of(new ColumnRef("users", "name"), new ColumnRef("posts", "title")), "users", null,
                List.of(new Statement.Join(Statement.JoinKind.FULL, "posts", null,
                        Expression.eq(new ColumnRef("posts", "author_id"), new ColumnRef("users", "id")))),
                Optional.empty(), List.of(), Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    }

    @Test
    void subqueriesScalarInAndCorrelatedExists() {
        Statement.Select maxAge = new Statement.Select(false, List.of(new Expression.Function(FunctionName.MAX,
                List.of(new ColumnRef("users", "age")))), "users", Optional.empty(), List.of(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty());
        Statement.Select authors = new Statement.Select(false, List.of(new ColumnRef("posts", "author_id")), "posts",
                Optional.of(new Expression.Like(new ColumnRef("posts", "title"), value("a%"), false, false)), List.of(),
                Optional.empty(), List.of(), Optional.empty(), Optional.empty());
        Statement.Select postsOfUser = new Statement.Select(false, List.of(new ColumnRef("posts", "id")), "posts",
                Optional.of(Expression.eq(new ColumnRef("posts", "author_id"), new ColumnRef("users", "id"))), List.of(),
                Optional.empty(), List.of(), Optional.empty(), Optional.empty());
        CompiledStatement compiled = compile(where(new And(List.of(
                Expression.eq(new ColumnRef("users", "age"), new Expression.ScalarSubquery(maxAge)),
                new Expression.InSubquery(new ColumnRef("users", "id"), authors, false),
                new Expression.Not(new Expression.Exists(postsOfUser))))));

        assertThat(compiled.sql()).isEqualTo("SELECT id FROM users WHERE age = (SELECT MAX(users.age) FROM users) "
                + "AND id IN (SELECT posts.author_id FROM posts WHERE posts.title LIKE ?) "
                + "AND NOT EXISTS (SELECT posts.id FROM posts WHERE posts.author_id = users.id)");
        assertThat(compiled.parameters()).containsExactly(value("a%"));
    }

    @Test
    void unionAndUnionAllWithOrderAndLimit() {
        Statement.Select young = new Statement.Select("users", List.of(new ColumnRef("users", "name")),
                Optional.of(new Comparison(new ColumnRef("users", "age"), Operator.LT, value(20))), List.of(), Optional.empty(),
                Optional.empty());
        Statement.Select old = new Statement.Select("users", List.of(new ColumnRef("users", "name")),
                Optional.of(new Comparison(new ColumnRef("users", "age"), Operator.GT, value(60))), List.of(), Optional.empty(),
                Optional.empty());
        CompiledStatement compiled = compile(new Statement.Compound(List.of(young, old, young), List.of(false, true),
                List.of(new OrderItem(new ColumnRef("users", "name"), false)), Optional.of(5), Optional.empty()));

        assertThat(compiled.sql()).isEqualTo("SELECT name FROM users WHERE age < ? UNION SELECT name FROM users WHERE age > ? "
                + "UNION ALL SELECT name FROM users WHERE age < ? ORDER BY name LIMIT ?");
        assertThat(compiled.parameters()).containsExactly(value(20), value(60), value(20), value(5));
    }

    @Test
    void windowFunctions() {
        CompiledStatement compiled = compile(columns(
                new Expression.Window(new Expression.Function(FunctionName.ROW_NUMBER, List.of()), List.of(column("team")),
                        List.of(new OrderItem(column("points"), true))),
                new Expression.Window(new Expression.Function(FunctionName.RANK, List.of()), List.of(),
                        List.of(new OrderItem(column("points"), false))),
                new Expression.Window(new Expression.Function(FunctionName.SUM, List.of(column("points"))), List.of(column("team")),
                        List.of())));

        assertThat(compiled.sql()).isEqualTo("SELECT ROW_NUMBER() OVER (PARTITION BY team ORDER BY points DESC), "
                + "RANK() OVER (ORDER BY points), SUM(points) OVER (PARTITION BY team) FROM users");
    }

    @Test
    void commonTableExpressions() {
        Statement.Select totals = new Statement.Select(false, List.of(column("team"),
                new Expression.Function(FunctionName.SUM, List.of(column("points")))), "scores", Optional.empty(),
                List.of(column("team")), Optional.empty(), List.of(), Optional.empty(), Optional.empty());
        Statement.Select body = new Statement.Select(false, List.of(new ColumnRef("team_totals", "team")), "team_totals",
                Optional.of(new Comparison(new ColumnRef("team_totals", "total"), Operator.GT, value(10))), List.of(),
                Optional.empty(), List.of(), Optional.empty(), Optional.empty());
        CompiledStatement compiled = compile(new Statement.With(List.of(new Statement.CommonTable("team_totals",
                List.of("team", "total"), totals)), body));

        assertThat(compiled.sql()).isEqualTo("WITH team_totals (team, total) AS (SELECT team, SUM(points) FROM scores GROUP BY team) "
                + "SELECT team FROM team_totals WHERE total > ?");
        assertThat(compiled.parameters()).containsExactly(value(10));
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private CompiledStatement compile(Statement statement) {
        return Dialects.byName(dialectName()).orElseThrow().compile(statement);
    }

    private static Statement where(Expression condition) {
        return new Statement.Select("users", List.of(column("id")), Optional.of(condition), List.of(), Optional.empty(),
                Optional.empty());
    }

    private static Statement columns(Expression... columns) {
        return new Statement.Select("users", List.of(columns), Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    }

    private static ColumnRef column(String name) {
        return new ColumnRef(name);
    }

    private static Value value(Object value) {
        return new Value(value, value instanceof String ? SqlType.VARCHAR : value instanceof Long ? SqlType.BIGINT : SqlType.INTEGER);
    }
}
