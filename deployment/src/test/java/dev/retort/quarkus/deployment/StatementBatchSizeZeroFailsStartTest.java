package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.ConfigurationException;
import dev.retort.quarkus.deployment.model.Book;
import io.quarkus.test.QuarkusUnitTest;

class StatementBatchSizeZeroFailsStartTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:statement-batch-size-zero;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.retort.jdbc.statement-batch-size", "0")
            .assertException(thrown -> assertThat(RootCause.find(thrown, ConfigurationException.class)).hasMessage(
                    "quarkus.retort.jdbc.statement-batch-size is 0, and a flush cannot send fewer than 1 row per JDBC batch. "
                            + "To fix this, set quarkus.retort.jdbc.statement-batch-size to a positive whole number, or remove it "
                            + "for the default of 1000."));

    @Test
    void theStartFails() {
        fail("The start should have failed");
    }
}
