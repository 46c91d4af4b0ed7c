package dev.retort.migrate;

import java.nio.file.Path;

import dev.retort.Engine;

/** {@link MigrationSuite} on SQLite, a file per test. */
class SqliteMigrationTest extends MigrationSuite {
    @Override
    Engine newEngine(Path temporaryFolder) {
        return Engine.create("sqlite:///" + temporaryFolder.resolve("migrate.db"));
    }
}
