package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.quarkus.deployment.model.Book;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

class UnknownDialectFailsBuildTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:unknown-dialect;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.retort.dialect", "oracle")
            .assertException(thrown -> assertThat(thrown).isInstanceOf(ConfigurationException.class).hasMessage(
                    "quarkus.retort.dialect is 'oracle', which is not a dialect Retort knows. To fix this, set it to one of h2, "
                            + "sqlite, postgresql, mysql, mariadb."));

    @Test
    void theBuildFails() {
        fail("The build should have failed");
    }
}
