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
}
