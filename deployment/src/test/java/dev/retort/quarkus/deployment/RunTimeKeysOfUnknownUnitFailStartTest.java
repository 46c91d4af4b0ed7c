package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.ConfigurationException;
import dev.retort.quarkus.deployment.model.Book;
import io.quarkus.test.QuarkusUnitTest;

/** A run-time key for a unit the build did not make (a misspelt name) fails the start instead of being ignored. */
class RunTimeKeysOfUnknownUnitFailStartTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:unknown-unit-at-run-time;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.retort.\"adit\".log.sql", "true")
            .assertException(thrown -> assertThat(RootCause.find(thrown, ConfigurationException.class)).hasMessage(
                    "quarkus.retort.\"adit\".* is set, but the application has no Retort unit 'adit' (its units: <default>). To "
                            + "fix this, correct the unit name, or give the unit its entities with quarkus.retort.\"adit\".packages "
                            + "and rebuild."));

    @Test
    void theStartFails() {
        fail("The start should have failed");
    }
}
