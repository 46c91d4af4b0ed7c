package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.cdi.RetortExtension;
import dev.retort.quarkus.RetortUnit;
import dev.retort.quarkus.deployment.units.Checkout;
import dev.retort.quarkus.deployment.units.audit.AuditEntry;
import dev.retort.quarkus.deployment.units.orders.Purchase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The default unit on the default datasource and the unit "audit" on the datasource "audit", two H2
 * databases, each unit mapping the entities of its package. Both datasources are XA, so that one JTA
 * transaction can write to both and roll both back.
 */
class NamedUnitOnNamedDataSourceTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Purchase.class, AuditEntry.class, Checkout.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:named-unit-orders;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.datasource.jdbc.transactions", "xa")
            .overrideConfigKey("quarkus.datasource.\"audit\".db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.\"audit\".jdbc.url", "jdbc:h2:mem:named-unit-audit;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.datasource.\"audit\".jdbc.transactions", "xa")
            .overrideConfigKey("quarkus.retort.packages", "dev.retort.quarkus.deployment.units.orders")
            .overrideConfigKey("quarkus.retort.\"audit\".datasource", "audit")
            .overrideConfigKey("quarkus.retort.\"audit\".packages", "dev.retort.quarkus.deployment.units.audit");

    @Inject
    Checkout checkout;
    @Inject
    Metadata ordersMetadata;
    @Inject
    @RetortUnit("audit")
    Metadata auditMetadata;
    @Inject
    @RetortUnit("audit")
    Engine auditEngine;
    @Inject
    @RetortUnit("audit")
    SessionFactory auditSessionFactory;
    @Inject
    SessionFactory ordersSessionFactory;
    @Inject
    @RetortUnit(RetortUnit.DEFAULT)
    SessionFactory ordersSessionFactoryByName;
    @Inject
    AgroalDataSource ordersDatabase;
    @Inject
    @io.quarkus.agroal.DataSource("audit")
    AgroalDataSource auditDatabase;

    @BeforeEach
    void emptyTables() throws SQLException {
        update(ordersDatabase, "delete from purchase");
        update(auditDatabase, "delete from audit_entry");
    }

    @Test
    void eachUnitMapsItsPackageOnItsDatasource() throws SQLException {
        assertThat(ordersMetadata.entities()).containsExactly(Purchase.class);
        assertThat(auditMetadata.entities()).containsExactly(AuditEntry.class);
        assertThat(auditEngine.location()).isEqualTo("H2 through the Quarkus datasource 'audit'");
        assertThat(auditSessionFactory.engine()).isSameAs(auditEngine);
        assertThat(ordersSessionFactoryByName).isSameAs(ordersSessionFactory);
        assertThat(tables(ordersDatabase)).containsExactly("PURCHASE");
        assertThat(tables(auditDatabase)).containsExactly("AUDIT_ENTRY");
    }

    @Test
    void oneTransactionWritesEachEntityToItsUnitsDatabase() throws SQLException {
        checkout.buy("kettle");
        assertThat(column(ordersDatabase, "select item from purchase")).containsExactly("kettle");
        assertThat(column(auditDatabase, "select message from audit_entry")).containsExactly("bought kettle");
    }

    @Test
    void aFailureRollsBackBothUnits() throws SQLException {
        assertThatThrownBy(() -> checkout.buyThenFail("teapot")).isInstanceOf(IllegalStateException.class)
                .hasMessage("payment refused");
        assertThat(column(ordersDatabase, "select item from purchase")).isEmpty();
        assertThat(column(auditDatabase, "select message from audit_entry")).isEmpty();
    }

    /**
     * Core registers its portable CDI extension for Weld and Jakarta EE servers; ArC runs no portable
     * extension, so the file is there and yet only this extension's beans exist: one per unit.
     */
    @Test
    void coresPortableExtensionStaysInactive() throws IOException {
        List<URL> services = Collections.list(Thread.currentThread().getContextClassLoader()
                .getResources("META-INF/services/jakarta.enterprise.inject.spi.Extension"));
        List<String> registered = new ArrayList<>();
        for (URL service : services) {
            try (var in = service.openStream()) {
                registered.add(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
            }
        }
        assertThat(registered).contains(RetortExtension.class.getName());
        var beanManager = Arc.container().beanManager();
        assertThat(beanManager.getBeans(RetortExtension.class)).isEmpty();
        assertThat(beanManager.getBeans(Session.class, Any.Literal.INSTANCE)).hasSize(2);
        assertThat(beanManager.getBeans(SessionFactory.class, Any.Literal.INSTANCE)).hasSize(2);
        assertThat(beanManager.getBeans(Engine.class, Any.Literal.INSTANCE)).hasSize(2);
        assertThat(beanManager.getBeans(Metadata.class, Any.Literal.INSTANCE)).hasSize(2);
    }

    private static void update(AgroalDataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static List<String> column(AgroalDataSource database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static List<String> tables(AgroalDataSource database) throws SQLException {
        return column(database, "select table_name from information_schema.tables where table_schema = 'PUBLIC'");
    }
}
