package dev.retort.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.retort.Engine;

/**
 * Settles freshly seeded tables before anything is timed: on PostgreSQL {@code VACUUM ANALYZE} (otherwise
 * autovacuum may start inside a timed loop; one JDBC baseline moved 5x between runs for that alone), on
 * MariaDB {@code ANALYZE TABLE}, on H2 and SQLite {@code ANALYZE}, so every contender meets the same
 * statistics.
 */
public final class Settle {
    private Settle() {
    }

    public static void tables(Engine engine, String... tables) {
        String dialect = engine.dialect().name();
        try (Connection connection = engine.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true); // VACUUM cannot run inside a transaction
            for (String table : tables) {
                switch (dialect) {
                    case "postgresql" -> statement.execute("VACUUM ANALYZE " + table);
                    case "mysql", "mariadb" -> statement.execute("ANALYZE TABLE " + table);
                    default -> {
                        statement.execute("ANALYZE");
                        return;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot settle " + String.join(", ", tables) + ": " + e.getMessage(), e);
        }
    }
}
