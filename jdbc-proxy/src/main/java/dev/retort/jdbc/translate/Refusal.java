package dev.retort.jdbc.translate;

import java.sql.SQLSyntaxErrorException;

/**
 * Builds the one kind of error the translator raises for SQL it will not rewrite: an
 * {@link SQLSyntaxErrorException} of SQLState 42000 (syntax error or access rule violation), the state MySQL
 * gives its own parse errors. Not 0A000 (feature not supported): connection pools such as HikariCP read
 * 0A000 as a broken connection and evict it, so every refused statement would cost the application a
 * pooled connection. 42000 says what is true: this statement is wrong for this connection, the connection
 * is fine.
 */
public final class Refusal {

    public static final String STATE = "42000";

    private Refusal() {
    }

    /**
     * "{construct} cannot be translated from {source} to {target}: {why}. To fix this, {alternative}."
     */
    public static SQLSyntaxErrorException of(String construct, Dialect source, Dialect target, String why,
                                      String alternative) {
        return new SQLSyntaxErrorException(construct + " cannot be translated from " + source + " to "
                + target + ": " + why + ". To fix this, " + alternative + ".", STATE);
    }

    /** Nesting past {@link Translator#MAX_NESTING}, refused before the translator's recursion goes deeper. */
    public static SQLSyntaxErrorException tooDeep(Dialect source, Dialect target) {
        return new SQLSyntaxErrorException("The statement nests function calls or rewritten expressions"
                + " deeper than " + Translator.MAX_NESTING + " levels, the translator's limit, so it cannot be"
                + " translated from " + source + " to " + target + ". To fix this, flatten the expression (one"
                + " COALESCE(a, b, c) rather than nested IFNULLs, a CASE with several WHENs rather than nested IFs)"
                + " or send the statement on a connection without retort.translate.from.", STATE);
    }
}
