package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.ConfigurationException;
import dev.retort.quarkus.deployment.model.Book;
import io.quarkus.test.QuarkusUnitTest;

/** A {@code replica.*} setting of a unit without {@code replicas} would do nothing: the start fails naming both keys. */
class ReplicaSettingWithoutReplicasFailsStartTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:replica-setting-without-replicas;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.retort.replica.check-interval", "1s")
            .assertException(thrown -> assertThat(RootCause.find(thrown, ConfigurationException.class)).hasMessage(
                    "quarkus.retort.replica.check-interval is set, but quarkus.retort.replicas lists no replica, so there is "
                            + "nothing for it to apply to. To fix this, list the replicas in quarkus.retort.replicas, or remove "
                            + "quarkus.retort.replica.check-interval."));

    @Test
    void theStartFails() {
        fail("The start should have failed");
    }
}
