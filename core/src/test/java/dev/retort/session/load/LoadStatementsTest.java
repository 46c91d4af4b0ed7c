package dev.retort.session.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;
import dev.retort.sql.Expression;
import dev.retort.sql.SqlType;

/** The IN lists of keys that loads send: bound and padded, or written as literals on H2. */
class LoadStatementsTest {
    private static final Expression.ColumnRef USER_ID = new Expression.ColumnRef("posts", "user_id");

    private static Expression.In in(String dialect, List<Object> keys) {
        Dialect target = Dialects.byName(dialect).orElseThrow();
        return (Expression.In) LoadStatements.in(target, USER_ID, SqlType.BIGINT, keys);
    }

    @Test
    void boundKeysArePaddedToTheNextPowerOfTwoWithTheLastKey() {
        assertThat(in("postgresql", List.of(1L, 2L, 3L)).values()).containsExactly(new Expression.Value(1L, SqlType.BIGINT),
                new Expression.Value(2L, SqlType.BIGINT), new Expression.Value(3L, SqlType.BIGINT), new Expression.Value(3L, SqlType.BIGINT));
        assertThat(in("sqlite", List.of(7L, 8L)).values()).hasSize(2);
    }

    @Test
    void onH2WholeNumberKeysAreLiteralsAndNotPadded() {
        assertThat(in("h2", List.of(1L, 2, (short) 3)).values())
                .containsExactly(new Expression.Literal(1), new Expression.Literal(2), new Expression.Literal(3));
    }

    @Test
    void onH2OtherKeysStayBound() {
        assertThat(in("h2", List.of(1L, "two", 3L)).values()).containsExactly(new Expression.Value(1L, SqlType.BIGINT),
                new Expression.Value("two", SqlType.BIGINT), new Expression.Value(3L, SqlType.BIGINT), new Expression.Value(3L, SqlType.BIGINT));
        assertThat(in("h2", List.of(new java.math.BigInteger("12345678901234567890"))).values()).hasOnlyElementsOfType(Expression.Value.class);
    }
}
