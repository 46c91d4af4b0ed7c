package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.migrate.SchemaMismatchException;
import dev.retort.quarkus.deployment.model.Book;
import io.quarkus.test.QuarkusUnitTest;

/**
 * strategy=validate against a database that differs from the model: the start fails listing every difference
 * that retort-migrate's diff finds, and the fix.
 */
class SchemaValidateFailsStartTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:schema-validate;DB_CLOSE_DELAY=-1;"
                    + "INIT=CREATE TABLE IF NOT EXISTS book (id BIGINT PRIMARY KEY, title VARCHAR(40) NOT NULL, isbn CHAR(13))")
            .overrideConfigKey("quarkus.retort.schema-management.strategy", "validate")
            .assertException(thrown -> assertThat(RootCause.find(thrown, SchemaMismatchException.class)).hasMessage("""
                    quarkus.retort.schema-management.strategy=validate: the database at H2 through the Quarkus default \
                    datasource differs from the model in 3 ways:
                    - column book.title is VARCHAR(40) in the database, VARCHAR(255) in the model
                    - column book.title is NOT NULL in the database, NULL in the model
                    - column book.isbn (CHAR(13)) is in the database but not in the model
                    To fix this, generate the migration for these differences (retort migrate generate), read it and apply \
                    it, or set quarkus.retort.schema-management.strategy=migrate to apply the migrations at start; or change \
                    the mapping to match the database."""));

    @Test
    void theStartFails() {
        fail("The start should have failed");
    }
}
