package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.ConfigurationException;
import dev.retort.quarkus.deployment.model.Book;
import io.quarkus.test.QuarkusUnitTest;

/** quarkus.retort.replicas naming a datasource the application does not configure fails the start with the fix. */
class ReplicaOnUnknownDataSourceFailsStartTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:replica-unknown;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.retort.replicas", "nowhere")
            .assertException(thrown -> assertThat(RootCause.find(thrown, ConfigurationException.class)).hasMessage(
                    "quarkus.retort.replicas lists 'nowhere', but the application has no active Quarkus datasource of that "
                            + "name (its datasources: <default>). To fix this, configure the replica as "
                            + "quarkus.datasource.\"nowhere\".db-kind and quarkus.datasource.\"nowhere\".jdbc.url, or correct "
                            + "quarkus.retort.replicas."));

    @Test
    void theStartFails() {
        fail("The start should have failed");
    }
}
