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
    private final List<String> after;
    private final List<String> before;

    public Translation(String sql, List<String> rules, List<String> warnings, List<String> before, List<String> after) {
        this.sql = sql;
        this.rules = List.copyOf(rules);
        this.warnings = List.copyOf(warnings);
        this.after = List.copyOf(after);
        this.before = List.copyOf(before);
    }

    /** The statements the proxy runs before {@link #sql()}, one by one (an extension a column type needs). */
    public List<String> before() {
        return before;
    }

    /** The SQL for the target database. */
    public String sql() {
        return sql;
    }

    /**
     * The statements the proxy runs after {@link #sql()}, one by one (an index or trigger a CREATE TABLE
     * declared inline, an identity moved past explicit ids); usually empty.
     */
    public List<String> after() {
        return after;
    }

    /** What the proxy sends: the statement, what runs after it, and the doubts as one warning. */
    TranslatedSql sent(boolean changesSchema) {
        return new TranslatedSql(before, sql, after, warnings.isEmpty() ? null : String.join("; ", warnings),
                changesSchema);
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
        List<String> all = new java.util.ArrayList<>(before);
        all.add(sql);
        all.addAll(after);
        return String.join(";\n", all);
    }
}
