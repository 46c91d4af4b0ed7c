package dev.retort.dialect;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.retort.dialect.h2.H2Dialect;
import dev.retort.dialect.mysql.MySqlDialect;
import dev.retort.dialect.postgresql.PostgresDialect;
import dev.retort.dialect.sqlite.SqliteDialect;

/** The built-in dialects, found by name or by JDBC URL. */
public final class Dialects {
    private Dialects() {
    }

    /** Names accepted by {@link #byName}, for messages. */
    public static final List<String> NAMES = List.of("h2", "sqlite", "postgresql", "mysql", "mariadb");

    public static Optional<Dialect> byName(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "h2": return Optional.of(new H2Dialect());
            case "sqlite": return Optional.of(new SqliteDialect());
            case "postgresql": case "postgres": return Optional.of(new PostgresDialect());
            case "mysql": return Optional.of(new MySqlDialect());
            case "mariadb": return Optional.of(MySqlDialect.mariaDb());
            default: return Optional.empty();
        }
    }

    /** The dialect for a {@code jdbc:} URL, from its sub-protocol. */
    public static Optional<Dialect> forJdbcUrl(String jdbcUrl) {
        String[] parts = jdbcUrl.split(":", 3);
        if (parts.length < 3 || !parts[0].equals("jdbc")) {
            return Optional.empty();
        }
        return byName(parts[1]);
    }

    /**
     * The dialect for what {@link java.sql.DatabaseMetaData#getDatabaseProductName()} reports ("H2",
     * "PostgreSQL", "SQLite", "MySQL", "MariaDB"), for engines over a data source whose URL is unknown.
     */
    public static Optional<Dialect> forDatabaseProductName(String productName) {
        String name = productName.trim().toLowerCase(Locale.ROOT);
        if (name.equals("h2")) return byName("h2");
        if (name.equals("postgresql")) return byName("postgresql");
        if (name.startsWith("sqlite")) return byName("sqlite");
        if (name.equals("mysql") || name.equals("mariadb")) return byName(name);
        return Optional.empty();
    }
}
