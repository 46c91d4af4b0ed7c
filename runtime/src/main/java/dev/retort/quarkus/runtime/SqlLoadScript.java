package dev.retort.quarkus.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import dev.retort.DatabaseException;
import dev.retort.Engine;
import dev.retort.schema.SqlScript;

/**
 * Which load script a Quarkus application runs ({@code quarkus.retort.sql-load-script}): the configured
 * one, which must exist, else {@code import.sql} in dev and test mode when it exists; none for
 * {@code no-file}. Core's {@link SqlScript} reads and runs it.
 */
final class SqlLoadScript {
    static final String KEY = "quarkus.retort.sql-load-script";
    static final String NO_FILE = "no-file";
    static final String DEFAULT_NAME = "import.sql";

    private SqlLoadScript() {
    }

    static Optional<SqlScript> resolve(Optional<String> configured, boolean devOrTest) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (configured.isPresent()) {
            String name = configured.get().trim();
            if (name.equals(NO_FILE)) {
                return Optional.empty();
            }
            return Optional.of(SqlScript.require(name, KEY, ", or set " + KEY + "=" + NO_FILE + " to run no script", loader));
        }
        return devOrTest ? SqlScript.find(DEFAULT_NAME, KEY, loader) : Optional.empty();
    }

    static void run(SqlScript script, Engine engine) {
        try (Connection connection = engine.connect()) {
            script.run(connection, engine.sqlLog(), engine.location());
        } catch (SQLException e) {
            throw new DatabaseException("Cannot run the load script " + script.name() + " (" + KEY + ") at "
                    + engine.location() + ": " + e.getMessage(), e);
        }
    }
}
