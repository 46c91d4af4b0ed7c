package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.quarkus.deployment.model.Book;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

class UnknownDataSourceFailsBuildTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:unknown-datasource;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.datasource.\"books\".db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.\"books\".jdbc.url", "jdbc:h2:mem:unknown-datasource-books;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.retort.datasource", "inventory")
            .assertException(thrown -> {
                assertThat(thrown).isInstanceOf(ConfigurationException.class);
                assertThat(thrown).hasMessage("quarkus.retort.datasource is 'inventory', but there is no datasource of that "
                        + "name (configured: <default>, books). To fix this, configure it (quarkus.datasource.\"inventory\".db-kind "
                        + "and quarkus.datasource.\"inventory\".jdbc.url) or set quarkus.retort.datasource to the name of a "
                        + "configured datasource.");
            });

    @Test
    void theBuildFails() {
        fail("The build should have failed");
    }
}
