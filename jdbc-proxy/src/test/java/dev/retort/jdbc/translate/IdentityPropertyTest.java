package dev.retort.jdbc.translate;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: SQL that every dialect reads the same way comes back unchanged (no rule fires, the same
 * string), whatever its spacing, comments and nesting. Text compared with = goes through a rule from
 * PostgreSQL (case), so comparisons here are numeric. Statements are generated from a fixed seed, so a failure reproduces.
 */
class IdentityPropertyTest {

    private static final String[] NAMES = {"id", "name", "t.price", "orders.qty", "a_b", "x1"};
    private static final String[] FUNCTIONS = {"COUNT", "SUM", "MIN", "MAX", "COALESCE", "ABS", "UPPER", "LOWER"};
    private static final String[] SPACES = {" ", "  ", "\n", "\t", " /* note */ ", "\n-- line\n"};

    private final Random random = new Random(8);

    @Test
    void portableMySqlComesBackUnchangedOnEveryTarget() throws SQLException {
        for (Dialect target : new Dialect[] {Dialect.POSTGRESQL, Dialect.H2, Dialect.SQLITE}) {
            Translator translator = Translator.of(Dialect.MYSQL, target, true, false);
            for (int round = 0; round < 3_000; round++) {
                String sql = statement();
                assertIdentity(translator, sql, target);
            }
        }
    }

    /** The cache may hand back an equal string translated earlier; explain shows no rule fired. */
    private static void assertIdentity(Translator translator, String sql, Dialect target) throws SQLException {
        assertThat(translator.translate(sql)).as("%s for %s", sql, target).isEqualTo(sql);
        Translation explained = translator.explain(sql);
        assertThat(explained.sql()).isSameAs(sql);
        assertThat(explained.rules()).as("%s for %s", sql, target).isEmpty();
    }

    @Test
    void portablePostgresComesBackUnchangedOnEveryTarget() throws SQLException {
        for (Dialect target : new Dialect[] {Dialect.MYSQL, Dialect.MARIADB, Dialect.SQLITE}) {
            Translator translator = Translator.of(Dialect.POSTGRESQL, target, true, false);
            for (int round = 0; round < 3_000; round++) {
                String sql = statement();
                assertIdentity(translator, sql, target);
            }
        }
    }

    private String statement() {
        StringBuilder sql = new StringBuilder("SELECT").append(space());
        int columns = 1 + random.nextInt(4);
        for (int k = 0; k < columns; k++) {
            sql.append(k > 0 ? "," + space() : "").append(expression(3));
        }
        sql.append(space()).append("FROM").append(space()).append(pick(new String[] {"t", "orders", "t AS u"}));
        if (random.nextBoolean()) {
            sql.append(space()).append("WHERE").append(space()).append(condition(3));
        }
        if (random.nextInt(3) == 0) {
            sql.append(space()).append("GROUP BY").append(space()).append(pick(NAMES));
        }
        if (random.nextInt(3) == 0) {
            sql.append(space()).append("LIMIT").append(space()).append(random.nextBoolean() ? "?" : "10");
        }
        return sql.toString();
    }

    private String expression(int depth) {
        int choice = random.nextInt(depth > 0 ? 7 : 4);
        switch (choice) {
            case 0:
                return pick(NAMES);
            case 1:
                return String.valueOf(random.nextInt(1000)) + (random.nextBoolean() ? "" : "." + random.nextInt(99));
            case 2:
                return "'" + pick(new String[] {"plain", "it''s", "a b", "%_", "é"}) + "'";
            case 3:
                return "?";
            case 4:
                return pick(FUNCTIONS) + "(" + expression(depth - 1) + ")";
            case 5:
                return expression(depth - 1) + space() + pick(new String[] {"+", "-", "*"}) + space()
                        + expression(depth - 1);
            default:
                return "(" + expression(depth - 1) + ")";
        }
    }

    private String condition(int depth) {
        int choice = random.nextInt(depth > 0 ? 5 : 3);
        switch (choice) {
            case 0:
                return pick(NAMES) + space() + pick(new String[] {"<", ">", "<=", ">=", "<>"}) + space()
                        + pick(new String[] {"?", "7", "2.5", pick(NAMES)});
            case 1:
                return pick(NAMES) + " IS" + (random.nextBoolean() ? " NOT" : "") + " NULL";
            case 2:
                return pick(NAMES) + " IN (" + random.nextInt(9) + ", ?)";
            case 3:
                return condition(depth - 1) + space() + pick(new String[] {"AND", "OR"}) + space()
                        + condition(depth - 1);
            default:
                return "NOT (" + condition(depth - 1) + ")";
        }
    }

    private String space() {
        return random.nextInt(4) == 0 ? pick(SPACES) : " ";
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
