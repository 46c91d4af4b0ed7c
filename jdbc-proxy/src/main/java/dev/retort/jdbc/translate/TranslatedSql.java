package dev.retort.jdbc.translate;

import java.util.List;

/**
 * What the proxy sends for one statement the application wrote: the statement that answers the application
 * (its rows, update count and generated keys), the statements the proxy runs before it (what a column type
 * needs) and after it, one by one on the same
 * connection and transaction (indexes and triggers of a CREATE TABLE, an identity moved past explicit ids),
 * and a warning the application's statement reports as an {@link java.sql.SQLWarning}. Immutable; cached.
 */
public final class TranslatedSql {

    private static final String[] NONE = new String[0];

    private final String[] before;
    private final String sql;
    private final String[] after;
    private final String warning;
    private final boolean changesSchema;

    TranslatedSql(List<String> before, String sql, List<String> after, String warning, boolean changesSchema) {
        this.before = before.isEmpty() ? NONE : before.toArray(NONE);
        this.sql = sql;
        this.after = after.isEmpty() ? NONE : after.toArray(NONE);
        this.warning = warning;
        this.changesSchema = changesSchema;
    }

    /** The statement run on the application's own statement object. */
    public String sql() {
        return sql;
    }

    /** Whether statements precede or follow {@link #sql()}; false in the common case. */
    public boolean hasAfter() {
        return after.length > 0 || before.length > 0;
    }

    /** The statements run before {@link #sql()}, in order; each is one statement. */
    public List<String> before() {
        return List.of(before);
    }

    /** The statements run after {@link #sql()}, in order; each is one statement. */
    public List<String> after() {
        return List.of(after);
    }

    /**
     * Whether the statement is DDL: the translations of the statements after it may read the schema it
     * changes, so a batch holding it is translated again statement by statement as it runs.
     */
    public boolean changesSchema() {
        return changesSchema;
    }

    /** A difference the target shows although the statement runs, or null. */
    public String warning() {
        return warning;
    }

    @Override
    public String toString() {
        if (!hasAfter()) {
            return sql;
        }
        StringBuilder all = new StringBuilder();
        for (String statement : before) {
            all.append(statement).append(";\n");
        }
        all.append(sql);
        for (String statement : after) {
            all.append(";\n").append(statement);
        }
        return all.toString();
    }
}
