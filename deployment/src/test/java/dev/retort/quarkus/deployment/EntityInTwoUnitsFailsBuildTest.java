package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.quarkus.deployment.units.audit.AuditEntry;
import dev.retort.quarkus.deployment.units.orders.Purchase;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/** The default unit's packages contain the unit "audit"'s: AuditEntry would belong to both. */
class EntityInTwoUnitsFailsBuildTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Purchase.class, AuditEntry.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:entity-in-two-units;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.retort.packages", "dev.retort.quarkus.deployment.units")
            .overrideConfigKey("quarkus.retort.\"audit\".packages", "dev.retort.quarkus.deployment.units.audit")
            .assertException(thrown -> assertThat(thrown).isInstanceOf(ConfigurationException.class).hasMessage(
                    "Entity " + AuditEntry.class.getName() + " is in the packages of more than one Retort unit "
                            + "(quarkus.retort.packages=dev.retort.quarkus.deployment.units and "
                            + "quarkus.retort.\"audit\".packages=dev.retort.quarkus.deployment.units.audit), and an entity belongs "
                            + "to exactly one unit. To fix this, change these packages so that only one of them contains "
                            + AuditEntry.class.getName() + ", or move the class."));

    @Test
    void theBuildFails() {
        fail("The build should have failed");
    }
}
