package dev.retort.jdbc.translate;

import java.util.Locale;

/** The SQL dialects the translator reads and writes. Immutable. */
public enum Dialect {
    MYSQL("mysql"),
    MARIADB("mariadb"),
    POSTGRESQL("postgresql"),
    H2("h2"),
    SQLITE("sqlite");

    private final String key;

    Dialect(String key) {
        this.key = key;
    }

    /** The name used in options and on the command line. */
    public String key() {
        return key;
    }

    /** MySQL and MariaDB share one lexer and one set of rules; they differ only as targets. */
    public boolean mysqlFamily() {
        return this == MYSQL || this == MARIADB;
    }

    /** Whether SQL written for this dialect runs on {@code other} as it is (MySQL and MariaDB read each other's). */
    public boolean sameFamily(Dialect other) {
        return this == other || mysqlFamily() && other.mysqlFamily();
    }

    /**
     * The dialect named by an option value, or {@code null} when the name is not one of them.
     * {@code postgres} and {@code pg} are accepted for PostgreSQL.
     */
    public static Dialect named(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        if (lower.equals("postgres") || lower.equals("pg")) {
            return POSTGRESQL;
        }
        for (Dialect dialect : values()) {
            if (dialect.key.equals(lower)) {
                return dialect;
            }
        }
        return null;
    }

    /** The dialect of a JDBC URL ({@code jdbc:postgresql:...}, with or without {@code jdbc:}), or {@code null}. */
    public static Dialect ofUrl(String url) {
        String rest = url.startsWith("jdbc:") ? url.substring(5) : url;
        if (rest.startsWith("retort:")) {
            rest = rest.substring(7);
        }
        int colon = rest.indexOf(':');
        return colon < 0 ? null : named(rest.substring(0, colon));
    }

    @Override
    public String toString() {
        return key;
    }
}
