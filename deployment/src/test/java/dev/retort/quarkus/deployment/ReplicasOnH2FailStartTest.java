package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.ConfigurationException;
import dev.retort.quarkus.deployment.model.Book;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Replicas that resolve to Quarkus datasources, on a database without replication Retort knows (H2): the start fails
 * naming both replicas and the fix.
 */
class ReplicasOnH2FailStartTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:replicas-h2;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.datasource.\"r1\".db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.\"r1\".jdbc.url", "jdbc:h2:mem:replicas-h2-r1;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.datasource.\"r1\".jdbc.transactions", "disabled")
            .overrideConfigKey("quarkus.datasource.\"r2\".db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.\"r2\".jdbc.url", "jdbc:h2:mem:replicas-h2-r2;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.datasource.\"r2\".jdbc.transactions", "disabled")
            .overrideConfigKey("quarkus.retort.replicas", "r1, r2")
            .assertException(thrown -> assertThat(RootCause.find(thrown, ConfigurationException.class)).hasMessage(
                    "quarkus.retort.replicas lists the Quarkus datasource 'r1', the Quarkus datasource 'r2', but Retort "
                            + "routes reads to replicas only on PostgreSQL (streaming replication) and MariaDB (GTID "
                            + "replication), not on H2. To fix this, remove quarkus.retort.replicas."));

    @Test
    void theStartFails() {
        fail("The start should have failed");
    }
}
