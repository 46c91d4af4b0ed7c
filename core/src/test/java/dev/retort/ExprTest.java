package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.junit.jupiter.api.Test;

import dev.retort.dialect.Dialects;
import dev.retort.sql.CompiledStatement;
import dev.retort.sql.Expression;
import dev.retort.sql.SqlType;
import dev.retort.sql.Statement;

/** The expression API: what SQL tree it builds, how values are typed and bound, and its messages. */
class ExprTest {
    enum Level { LOW, HIGH }

    @Entity
    @Table(name = "players")
    static class Player {
        @Id
        long id;
        String name;
        int score;
        @Enumerated(EnumType.STRING)
        Level level;
        Level rank;
    }

    static final Attribute<Player, Long> ID = Attribute.declare(Player.class, "id", Long.class);
    static final Attribute<Player, String> NAME = Attribute.declare(Player.class, "name", String.class);
    static final Attribute<Player, Integer> SCORE = Attribute.declare(Player.class, "score", Integer.class);
    static final Attribute<Player, Level> LEVEL = Attribute.declare(Player.class, "level", Level.class);
    static final Attribute<Player, Level> RANK = Attribute.declare(Player.class, "rank", Level.class);

    private static CompiledStatement where(Predicate condition) {
        return Dialects.byName("h2").orElseThrow().compile(new Statement.Select("players",
                List.of(new Expression.ColumnRef("id")), Optional.of(condition.node()), List.of(), Optional.empty(), Optional.empty()));
    }

    @Test
    void valuesAreBoundWithTheAttributesColumnTypeAndStoredForm() {
        CompiledStatement compiled = where(LEVEL.eq(Level.HIGH).and(RANK.in(Level.LOW, Level.HIGH)).and(ID.eq(7L)));

        assertThat(compiled.sql()).isEqualTo("SELECT id FROM players WHERE level = ? AND rank IN (?, ?) AND id = ?");
        assertThat(compiled.parameters()).containsExactly(new Expression.Value("HIGH", SqlType.VARCHAR),
                new Expression.Value(0, SqlType.INTEGER), new Expression.Value(1, SqlType.INTEGER),
                new Expression.Value(7L, SqlType.BIGINT));
    }

    @Test
    void integralValuesOfAnUntypedAttributeAreWidenedOrRefused() {
        Attribute<Player, Object> id = Attr.of(Player.class, "id");
        assertThat(where(id.eq(7)).parameters()).containsExactly(new Expression.Value(7L, SqlType.BIGINT));
        assertThatThrownBy(() -> Attr.of(Player.class, "score").eq(3_000_000_000L)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("Player.score is a java.lang.Integer, but the value given is a java.lang.Long (3000000000). "
                        + "To fix this, pass an Integer.");
    }

    @Test
    void derivedExpressionsBindValuesAsTheirSource() {
        CompiledStatement compiled = where(Func.coalesce(LEVEL, Level.LOW).eq(Level.HIGH));

        assertThat(compiled.sql()).isEqualTo("SELECT id FROM players WHERE COALESCE(level, ?) = ?");
        assertThat(compiled.parameters()).containsExactly(new Expression.Value("LOW", SqlType.VARCHAR),
                new Expression.Value("HIGH", SqlType.VARCHAR));
    }

    @Test
    void descriptionsReadLikeTheCondition() {
        assertThat(SCORE.between(1, 5).or(NAME.ilike("a%").not())).hasToString(
                "(Player.score BETWEEN 1 AND 5) OR (NOT (Player.name ILIKE 'a%'))");
        assertThat(Func.count(SCORE)).hasToString("count(Player.score)");
        assertThat(SCORE.plus(SCORE).times(2)).hasToString("((Player.score + Player.score) * 2)");
        assertThat(Func.caseWhen(SCORE.gt(3), "hi").otherwise("lo")).hasToString("CASE WHEN Player.score > 3 THEN 'hi' ELSE 'lo' END");
        assertThat(SCORE.desc().nullsLast()).hasToString("Player.score DESC NULLS LAST");
        assertThat(NAME.concat("-").concat(NAME).node()).isEqualTo(new Expression.Concat(List.of(
                new Expression.ColumnRef("players", "name"), new Expression.Value("-", SqlType.VARCHAR),
                new Expression.ColumnRef("players", "name"))));
    }

    @Test
    void nullValuesAndEmptyCombinationsAreRefusedWithTheFix() {
        assertThat(where(NAME.eq((String) null)).sql()).isEqualTo("SELECT id FROM players WHERE name IS NULL");
        assertThat(where(NAME.ne((String) null)).sql()).isEqualTo("SELECT id FROM players WHERE name IS NOT NULL");
        assertThatThrownBy(() -> SCORE.between(1, null)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("Player.score.between(null): SQL compares nothing with NULL. To fix this, use isNull() or isNotNull(), "
                        + "or eq(null) / ne(null), which mean the same.");
        assertThatThrownBy(() -> NAME.like(null)).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("Player.name.like(null): SQL compares nothing with NULL.");
        assertThatThrownBy(Predicate::or).isInstanceOf(InvalidRequestException.class)
                .hasMessage("Predicate.or() needs at least one condition. To fix this, pass the conditions to combine.");
        assertThatThrownBy(() -> Func.coalesce(SCORE, (Integer) null)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("Func.coalesce(Player.score, null): a null fallback changes nothing. To fix this, pass the value "
                        + "to use where Player.score is null.");
        assertThatThrownBy(() -> Func.value(new Object())).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("Cannot bind a java.lang.Object (java.lang.Object@");
    }
}
