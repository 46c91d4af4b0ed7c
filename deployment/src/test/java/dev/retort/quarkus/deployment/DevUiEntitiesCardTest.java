package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import dev.retort.quarkus.deployment.units.audit.AuditEntry;
import dev.retort.quarkus.deployment.units.orders.Purchase;
import io.quarkus.devui.tests.DevUIBuildTimeDataTest;
import io.quarkus.test.QuarkusDevModeTest;

/** The Dev UI card's build-time data: every unit's entities with their tables, as the dev mode application serves it. */
class DevUiEntitiesCardTest extends DevUIBuildTimeDataTest {
    @RegisterExtension
    static final QuarkusDevModeTest APP = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(Purchase.class, AuditEntry.class)
                    .addAsResource(new StringAsset("""
                            quarkus.datasource.db-kind=h2
                            quarkus.datasource.jdbc.url=jdbc:h2:mem:dev-ui;DB_CLOSE_DELAY=-1
                            quarkus.datasource.jdbc.transactions=xa
                            quarkus.datasource."audit".db-kind=h2
                            quarkus.datasource."audit".jdbc.url=jdbc:h2:mem:dev-ui-audit;DB_CLOSE_DELAY=-1
                            quarkus.datasource."audit".jdbc.transactions=xa
                            quarkus.datasource.devservices.enabled=false
                            quarkus.datasource."audit".devservices.enabled=false
                            quarkus.retort."audit".datasource=audit
                            quarkus.retort."audit".packages=dev.retort.quarkus.deployment.units.audit
                            """), "application.properties"));

    DevUiEntitiesCardTest() {
        super("retort-quarkus");
    }

    @Test
    void theCardListsEachUnitsEntitiesWithTheirTables() throws Exception {
        JsonNode entities = getBuildTimeData("entities");
        assertThat(entities).isEqualTo(toJsonNode("""
                [{"unit": "<default>", "entity": "%s", "table": "purchase", "datasource": "<default>", "dialect": "h2"},
                 {"unit": "audit", "entity": "%s", "table": "audit_entry", "datasource": "audit", "dialect": "h2"}]
                """.formatted(Purchase.class.getName(), AuditEntry.class.getName())));
    }
}
