package dev.retort.migrate;

import java.nio.file.Path;

import dev.retort.Engine;

/** {@link MigrationSuite} on PostgreSQL ({@code RETORT_TEST_POSTGRES_URL}). */
class PostgresMigrationIT extends MigrationSuite {
    @Override
    Engine newEngine(Path temporaryFolder) {
        return ServerDatabase.POSTGRESQL.engine();
    }
}
