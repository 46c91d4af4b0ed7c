package dev.retort.quarkus.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import dev.retort.DatabaseException;
import dev.retort.Engine;
import dev.retort.schema.SqlScript;

/**
 * Which load script a unit runs ({@code quarkus.retort.sql-load-script}): the configured one, which must
 * exist, else for the default unit in dev and test mode {@code import.sql} when it exists; none for
 * {@code no-file}. Core's {@link SqlScript} reads and runs it. Immutable.
 */
final class SqlLoadScript {
    static final String PROPERTY = "sql-load-script";
    static final String NO_FILE = "no-file";
    static final String DEFAULT_NAME = "import.sql";

    private final String key;

    /** @param key the unit's {@code sql-load-script} key, for messages */
    SqlLoadScript(String key) {
        this.key = key;
    }

    /**
     * @param importSqlByDefault whether a missing setting means {@code import.sql} when it exists (the default
     *                           unit in dev and test mode)
     */
    Optional<SqlScript> resolve(Optional<String> configured, boolean importSqlByDefault) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (configured.isPresent()) {
            String name = configured.get().trim();
            if (name.equals(NO_FILE)) {
                return Optional.empty();
            }
            return Optional.of(SqlScript.require(name, key, ", or set " + key + "=" + NO_FILE + " to run no script", loader));
        }
        return importSqlByDefault ? SqlScript.find(DEFAULT_NAME, key, loader) : Optional.empty();
    }

    void run(SqlScript script, Engine engine) {
        try (Connection connection = engine.connect()) {
            script.run(connection, engine.sqlLog(), engine.location());
        } catch (SQLException e) {
            throw new DatabaseException("Cannot run the load script " + script.name() + " (" + key + ") at "
                    + engine.location() + ": " + e.getMessage(), e);
        }
    }
}
