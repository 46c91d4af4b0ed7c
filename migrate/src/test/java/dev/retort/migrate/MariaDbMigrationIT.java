package dev.retort.migrate;

import java.nio.file.Path;

import dev.retort.Engine;

/** {@link MigrationSuite} on MariaDB ({@code RETORT_TEST_MARIADB_URL}). */
class MariaDbMigrationIT extends MigrationSuite {
    @Override
    Engine newEngine(Path temporaryFolder) {
        return ServerDatabase.MARIADB.engine();
    }
}
