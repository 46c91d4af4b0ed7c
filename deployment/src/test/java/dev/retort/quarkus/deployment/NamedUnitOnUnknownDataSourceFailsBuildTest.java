package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.quarkus.deployment.units.audit.AuditEntry;
import dev.retort.quarkus.deployment.units.orders.Purchase;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

class NamedUnitOnUnknownDataSourceFailsBuildTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Purchase.class, AuditEntry.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:named-unit-unknown-datasource;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.retort.\"audit\".datasource", "audit")
            .overrideConfigKey("quarkus.retort.\"audit\".packages", "dev.retort.quarkus.deployment.units.audit")
            .assertException(thrown -> assertThat(thrown).isInstanceOf(ConfigurationException.class).hasMessage(
                    "quarkus.retort.\"audit\".datasource is 'audit', but there is no datasource of that name (configured: "
                            + "<default>). To fix this, configure it (quarkus.datasource.\"audit\".db-kind and "
                            + "quarkus.datasource.\"audit\".jdbc.url) or set quarkus.retort.\"audit\".datasource to the name of a "
                            + "configured datasource."));

    @Test
    void theBuildFails() {
        fail("The build should have failed");
    }
}
