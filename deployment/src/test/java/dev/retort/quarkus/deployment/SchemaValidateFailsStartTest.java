package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.MappingException;
import dev.retort.quarkus.deployment.model.Book;
import io.quarkus.test.QuarkusUnitTest;

/** strategy=validate against an empty database: the start fails, naming the missing table and the fix. */
class SchemaValidateFailsStartTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:schema-validate;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.retort.schema-management.strategy", "validate")
            .assertException(thrown -> assertThat(RootCause.find(thrown, MappingException.class)).hasMessage(
                    "quarkus.retort.schema-management.strategy=validate: The database at H2 through "
                            + "the Quarkus default datasource does not match the mapping: table book (entity " + Book.class.getName()
                            + ") does not exist. To fix this, create what is missing (metadata.createAll(engine) creates missing "
                            + "tables, not missing columns) or change the mapping to match the database."));

    @Test
    void theStartFails() {
        fail("The start should have failed");
    }
}
