package dev.retort.jdbc.translate;

import java.util.List;

/**
 * The outcome of translating one SQL string: the SQL to send, the rules that rewrote it (empty when the
 * statement passed through unchanged) and the doubts the default mode let through. Immutable.
 */
public final class Translation {

    private final String sql;
    private final List<String> rules;
    private final List<String> warnings;

    Translation(String sql, List<String> rules, List<String> warnings) {
        this.sql = sql;
        this.rules = List.copyOf(rules);
        this.warnings = List.copyOf(warnings);
    }

    /** The SQL for the target database. */
    public String sql() {
        return sql;
    }

    /** Names of the rules that fired, in the order they first fired. */
    public List<String> rules() {
        return rules;
    }

    /** Constructs passed through unchanged although they may behave differently on the target. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return sql;
    }
}
