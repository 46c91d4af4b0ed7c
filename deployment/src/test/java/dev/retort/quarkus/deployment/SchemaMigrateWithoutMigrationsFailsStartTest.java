package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.migrate.MigrationFailedException;
import dev.retort.quarkus.deployment.model.Book;
import io.quarkus.test.QuarkusUnitTest;

/** strategy=migrate with no migration in the default location: the start fails, naming the location and the fix. */
class SchemaMigrateWithoutMigrationsFailsStartTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:schema-migrate-none;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.retort.schema-management.strategy", "migrate")
            .assertException(thrown -> assertThat(RootCause.find(thrown, MigrationFailedException.class)).hasMessage(
                    "quarkus.retort.schema-management.strategy=migrate (quarkus.retort.schema-management.locations="
                            + "classpath:db/migration): Flyway found no migration in classpath:db/migration for H2 through "
                            + "the Quarkus default datasource. To fix this, generate one (retort migrate generate) into that "
                            + "location, or point the locations where the migrations are."));

    @Test
    void theStartFails() {
        fail("The start should have failed");
    }
}
