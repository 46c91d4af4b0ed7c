package dev.retort.session.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Named parameters of hand-written SQL become markers; quotes, comments and casts stay as they are. */
class NamedParametersTest {

    @Test
    void parametersBecomeMarkersInOrder() {
        NamedParameters parsed = NamedParameters.parse("select * from users where age > :age and name = :name or age = :age");
        assertThat(parsed.sql()).isEqualTo("select * from users where age > ? and name = ? or age = ?");
        assertThat(parsed.names()).containsExactly("age", "name", "age");
    }

    @Test
    void quotedTextCommentsAndCastsAreLeftAlone() {
        NamedParameters parsed = NamedParameters.parse("select ':no', \"x:y\", `a:b`, 'it''s :not' -- :comment\n"
                + "/* :block */ from t where v::text = :value and w = 'tail:x'");
        assertThat(parsed.sql()).isEqualTo("select ':no', \"x:y\", `a:b`, 'it''s :not' -- :comment\n"
                + "/* :block */ from t where v::text = ? and w = 'tail:x'");
        assertThat(parsed.names()).isEqualTo(List.of("value"));
    }

    @Test
    void aColonWithoutANameIsText() {
        assertThat(NamedParameters.parse("select 1 : 2, :x_1").sql()).isEqualTo("select 1 : 2, ?");
    }
}
