package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.junit.jupiter.api.Test;

/** Attributes by name: checked against the mapping at once, with the mapping's messages. */
class AttrTest {
    @Entity
    static class Player {
        @Id
        long id;
        String name;
        int score;
    }

    @Test
    void findsAMappedAttributeWithItsType() {
        Attribute<Player, Integer> score = Attr.of(Player.class, "score", Integer.class);
        assertThat(score.name()).isEqualTo("score");
        assertThat(score.entityType()).isEqualTo(Player.class);
        assertThat(score.javaType()).isEqualTo(Integer.class);
        assertThat(score).hasToString("Player.score");
        assertThat(Attr.of(Player.class, "name").javaType()).isEqualTo(Object.class);
    }

    @Test
    void unknownNameIsTheMappingsUnknownAttributeError() {
        assertThatThrownBy(() -> Attr.of(Player.class, "nickname")).isInstanceOf(MappingException.class)
                .hasMessage("Player has no attribute 'nickname'. Its attributes are: id, name, score. To fix this, use one "
                        + "of these field names (names of Java fields, not of columns).");
    }

    @Test
    void wrongValueTypeSaysWhichTypeTheAttributeHolds() {
        assertThatThrownBy(() -> Attr.of(Player.class, "score", Long.class)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("Attr.of(Player.class, \"score\", Long.class): Player.score holds java.lang.Integer values, "
                        + "not java.lang.Long. To fix this, pass Integer.class, or use the generated metamodel (Player_.score).");
    }

    @Test
    void notAnEntityIsTheMappingsError() {
        assertThatThrownBy(() -> Attr.of(String.class, "length")).isInstanceOf(MappingException.class)
                .hasMessageStartingWith("java.lang.String is not an entity: it has no @jakarta.persistence.Entity annotation.");
    }

    @Test
    void declaredAttributesReadTheMappingOnlyWhenUsed() {
        Attribute<Player, String> typo = Attribute.declare(Player.class, "nmae", String.class);
        assertThat(typo.name()).isEqualTo("nmae");
        assertThatThrownBy(typo::model).isInstanceOf(MappingException.class).hasMessageStartingWith("Player has no attribute 'nmae'.");
    }
}
