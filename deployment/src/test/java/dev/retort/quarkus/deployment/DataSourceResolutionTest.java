package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.agroal.spi.JdbcDataSourceBuildItem;
import io.quarkus.runtime.configuration.ConfigurationException;

/** The build-time choice of datasource and dialect, over the build items quarkus-agroal produces. */
class DataSourceResolutionTest {
    private static final DataSourceResolution DEFAULT_UNIT = new DataSourceResolution("<default>");
    private static final JdbcDataSourceBuildItem DEFAULT_H2 = new JdbcDataSourceBuildItem("<default>", "h2", Optional.empty(), true, true);
    private static final JdbcDataSourceBuildItem ORDERS_PG = new JdbcDataSourceBuildItem("orders", "postgresql", Optional.empty(), true, false);

    @Test
    void theDefaultDatasourceAndItsDbKindByDefault() {
        DataSourceResolution.Resolved resolved = DEFAULT_UNIT.resolve(Optional.empty(), Optional.empty(), List.of(DEFAULT_H2, ORDERS_PG));
        assertThat(resolved.dataSourceName()).isEqualTo("<default>");
        assertThat(resolved.dialectName()).isEqualTo("h2");
    }

    @Test
    void aNamedDatasource() {
        DataSourceResolution.Resolved resolved = DEFAULT_UNIT.resolve(Optional.of("orders"), Optional.empty(), List.of(DEFAULT_H2, ORDERS_PG));
        assertThat(resolved.dataSourceName()).isEqualTo("orders");
        assertThat(resolved.dialectName()).isEqualTo("postgresql");
    }

    @Test
    void theDialectKeyWinsOverTheDbKind() {
        JdbcDataSourceBuildItem other = new JdbcDataSourceBuildItem("<default>", "other", Optional.empty(), true, true);
        assertThat(DEFAULT_UNIT.resolve(Optional.empty(), Optional.of("mariadb"), List.of(other)).dialectName())
                .isEqualTo("mariadb");
    }

    @Test
    void anUnconfiguredDefaultDatasourceFailsWithTheFix() {
        assertThatThrownBy(() -> DEFAULT_UNIT.resolve(Optional.empty(), Optional.empty(), List.of(ORDERS_PG)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Retort uses the default datasource, and it is not configured (configured: orders). To fix this, set "
                        + "quarkus.datasource.db-kind and quarkus.datasource.jdbc.url, or set quarkus.retort.datasource to the "
                        + "name of a configured datasource.");
    }

    @Test
    void anUnknownDialectFailsNamingTheKey() {
        assertThatThrownBy(() -> DEFAULT_UNIT.resolve(Optional.empty(), Optional.of("oracle"), List.of(DEFAULT_H2)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("quarkus.retort.dialect is 'oracle', which is not a dialect Retort knows. To fix this, set it to one "
                        + "of h2, sqlite, postgresql, mysql, mariadb.");
    }

    @Test
    void aDbKindWithoutDialectFailsWithTheFix() {
        JdbcDataSourceBuildItem db2 = new JdbcDataSourceBuildItem("legacy", "db2", Optional.empty(), true, false);
        assertThatThrownBy(() -> DEFAULT_UNIT.resolve(Optional.of("legacy"), Optional.empty(), List.of(db2)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("datasource 'legacy' has db-kind 'db2', for which Retort has no dialect. To fix this, use a database "
                        + "Retort supports, or set quarkus.retort.dialect to one of h2, sqlite, postgresql, mysql, mariadb if this "
                        + "database speaks its SQL.");
    }

    @Test
    void aDatasourceOutsideJtaFailsWithTheFix() {
        JdbcDataSourceBuildItem noJta = new JdbcDataSourceBuildItem("<default>", "h2", Optional.empty(), false, true);
        assertThatThrownBy(() -> DEFAULT_UNIT.resolve(Optional.empty(), Optional.empty(), List.of(noJta)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Retort joins JTA transactions, but the default datasource has "
                        + "quarkus.datasource.jdbc.transactions=disabled, so its connections would not take part in them. To fix "
                        + "this, set it to enabled (the default) or xa.");
    }

    @Test
    void aNamedUnitsErrorsNameItsKeys() {
        DataSourceResolution audit = new DataSourceResolution("audit");
        assertThatThrownBy(() -> audit.resolve(Optional.of("inventory"), Optional.empty(), List.of(DEFAULT_H2)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("quarkus.retort.\"audit\".datasource is 'inventory', but there is no datasource of that name "
                        + "(configured: <default>). To fix this, configure it (quarkus.datasource.\"inventory\".db-kind and "
                        + "quarkus.datasource.\"inventory\".jdbc.url) or set quarkus.retort.\"audit\".datasource to the name of a "
                        + "configured datasource.");
        assertThatThrownBy(() -> audit.resolve(Optional.empty(), Optional.empty(), List.of(ORDERS_PG)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Retort unit 'audit' uses the default datasource, and it is not configured (configured: orders). To "
                        + "fix this, set quarkus.datasource.db-kind and quarkus.datasource.jdbc.url, or set "
                        + "quarkus.retort.\"audit\".datasource to the name of a configured datasource.");
        assertThatThrownBy(() -> audit.resolve(Optional.of("orders"), Optional.of("db2"), List.of(ORDERS_PG)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("quarkus.retort.\"audit\".dialect is 'db2', which is not a dialect Retort knows. To fix this, set it "
                        + "to one of h2, sqlite, postgresql, mysql, mariadb.");
    }
}
