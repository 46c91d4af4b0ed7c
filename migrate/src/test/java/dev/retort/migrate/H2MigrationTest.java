package dev.retort.migrate;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import dev.retort.Engine;

/** {@link MigrationSuite} on H2, in memory, one database per test. */
class H2MigrationTest extends MigrationSuite {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    Engine newEngine(Path temporaryFolder) {
        return Engine.create("h2:mem:migrate" + DATABASES.incrementAndGet());
    }
}
