package dev.retort.jdbc.translate;

import java.sql.SQLFeatureNotSupportedException;

/** Builds the one kind of error the translator raises for SQL it will not rewrite: SQLState 0A000. */
final class Refusal {

    static final String STATE = "0A000";

    private Refusal() {
    }

    /**
     * "{construct} cannot be translated from {source} to {target}: {why}. To fix this, {alternative}."
     */
    static SQLFeatureNotSupportedException of(String construct, Dialect source, Dialect target, String why,
                                              String alternative) {
        return new SQLFeatureNotSupportedException(construct + " cannot be translated from " + source + " to "
                + target + ": " + why + ". To fix this, " + alternative + ".", STATE);
    }

    /** Nesting past {@link Translator#MAX_NESTING}, refused before the translator's recursion goes deeper. */
    static SQLFeatureNotSupportedException tooDeep(Dialect source, Dialect target) {
        return new SQLFeatureNotSupportedException("The statement nests function calls or rewritten expressions"
                + " deeper than " + Translator.MAX_NESTING + " levels, the translator's limit, so it cannot be"
                + " translated from " + source + " to " + target + ". To fix this, flatten the expression (one"
                + " COALESCE(a, b, c) rather than nested IFNULLs, a CASE with several WHENs rather than nested IFs)"
                + " or send the statement on a connection without retort.translate.from.", STATE);
    }
}
