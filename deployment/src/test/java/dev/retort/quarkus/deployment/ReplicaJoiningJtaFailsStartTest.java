package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.ConfigurationException;
import dev.retort.quarkus.deployment.model.Book;
import io.quarkus.test.QuarkusUnitTest;

/** A replica datasource whose connections join JTA transactions (Quarkus's default) fails the start with the fix. */
class ReplicaJoiningJtaFailsStartTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:replica-jta;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.datasource.\"r1\".db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.\"r1\".jdbc.url", "jdbc:h2:mem:replica-jta-r1;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.retort.replicas", "r1")
            .assertException(thrown -> assertThat(RootCause.find(thrown, ConfigurationException.class)).hasMessage(
                    "quarkus.retort.replicas lists 'r1', whose connections join JTA transactions; a replica's read-only "
                            + "sessions run transactions of their own there (a hot standby cannot prepare an XA transaction). "
                            + "To fix this, set quarkus.datasource.\"r1\".jdbc.transactions=disabled."));

    @Test
    void theStartFails() {
        fail("The start should have failed");
    }
}
