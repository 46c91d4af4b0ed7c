package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.ConfigurationException;
import dev.retort.quarkus.deployment.model.Book;
import io.quarkus.test.QuarkusUnitTest;

/** {@code quarkus.retort.replica.wait} is read at start and checked as the engine's duration: a wrong one fails the start. */
class ReplicaWaitNotADurationFailsStartTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:replica-wait-not-a-duration;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.retort.replica.wait", "PT2S")
            .assertException(thrown -> assertThat(RootCause.find(thrown, ConfigurationException.class)).hasMessage(
                    "quarkus.retort.replica.wait is 'PT2S', which is not a duration. To fix this, set it to a whole number "
                            + "with the unit ms, s, m or h (such as 500ms or 2s), or remove it for the default of 1s."));

    @Test
    void theStartFails() {
        fail("The start should have failed");
    }
}
