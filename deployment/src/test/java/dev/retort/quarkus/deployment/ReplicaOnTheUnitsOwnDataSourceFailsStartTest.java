package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.ConfigurationException;
import dev.retort.quarkus.deployment.model.Book;
import io.quarkus.test.QuarkusUnitTest;

/** quarkus.retort.replicas listing the unit's own datasource, where its writes go, fails the start with the fix. */
class ReplicaOnTheUnitsOwnDataSourceFailsStartTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class))
            .overrideConfigKey("quarkus.datasource.\"main\".db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.\"main\".jdbc.url", "jdbc:h2:mem:replica-own;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.retort.datasource", "main")
            .overrideConfigKey("quarkus.retort.replicas", "main")
            .assertException(thrown -> assertThat(RootCause.find(thrown, ConfigurationException.class)).hasMessage(
                    "quarkus.retort.replicas lists 'main', the datasource of the unit itself, where its writes go. To fix "
                            + "this, list only the replicas' datasources in quarkus.retort.replicas."));

    @Test
    void theStartFails() {
        fail("The start should have failed");
    }
}
