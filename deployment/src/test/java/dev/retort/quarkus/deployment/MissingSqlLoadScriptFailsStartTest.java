package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.ConfigurationException;
import dev.retort.quarkus.deployment.model.Book;
import io.quarkus.test.QuarkusUnitTest;

class MissingSqlLoadScriptFailsStartTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:missing-load-script;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.retort.sql-load-script", "seed/books.sql")
            .assertException(thrown -> assertThat(RootCause.find(thrown, ConfigurationException.class)).hasMessage(
                    "quarkus.retort.sql-load-script is 'seed/books.sql', and there is no such resource "
                            + "on the class path. To fix this, put the file in src/main/resources (the name is relative to it), "
                            + "correct the name, or set quarkus.retort.sql-load-script=no-file to run no script."));

    @Test
    void theStartFails() {
        fail("The start should have failed");
    }
}
