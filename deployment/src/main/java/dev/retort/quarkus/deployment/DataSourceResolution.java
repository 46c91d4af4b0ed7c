package dev.retort.quarkus.deployment;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.retort.dialect.Dialects;
import dev.retort.quarkus.runtime.UnitKeys;
import io.quarkus.agroal.spi.JdbcDataSourceBuildItem;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.datasource.common.runtime.DatabaseKind;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Settles at build time which Quarkus datasource a Retort unit uses ({@code quarkus.retort.datasource})
 * and its dialect ({@code quarkus.retort.dialect}, else the datasource's db-kind), failing the build with
 * the unit's key at fault and the fix. Immutable.
 */
final class DataSourceResolution {
    static final String DATASOURCE = "datasource";
    static final String DIALECT = "dialect";

    private final String unitName;
    private final String dataSourceKey;
    private final String dialectKey;

    DataSourceResolution(String unitName) {
        this.unitName = unitName;
        this.dataSourceKey = UnitKeys.key(unitName, DATASOURCE);
        this.dialectKey = UnitKeys.key(unitName, DIALECT);
    }

    /** The datasource and dialect that one unit resolves to. */
    record Resolved(String dataSourceName, String dialectName) {
    }

    Resolved resolve(Optional<String> configuredName, Optional<String> configuredDialect, List<JdbcDataSourceBuildItem> dataSources) {
        JdbcDataSourceBuildItem dataSource = dataSource(configuredName, dataSources);
        if (!dataSource.isTransactionIntegrationEnabled()) {
            throw new ConfigurationException(subject() + " joins JTA transactions, but " + describe(dataSource.getName())
                    + " has quarkus.datasource." + keyPart(dataSource.getName()) + "jdbc.transactions=disabled, so its "
                    + "connections would not take part in them. To fix this, set it to enabled (the default) or xa.",
                    Set.of(dataSourceKey));
        }
        return new Resolved(dataSource.getName(), dialect(configuredDialect, dataSource));
    }

    /** "Retort" when the application has the default unit only in mind, else the unit by name. */
    private String subject() {
        return UnitKeys.isDefault(unitName) ? "Retort" : "Retort unit '" + unitName + "'";
    }

    private JdbcDataSourceBuildItem dataSource(Optional<String> configuredName, List<JdbcDataSourceBuildItem> dataSources) {
        String name = configuredName.orElse(DataSourceUtil.DEFAULT_DATASOURCE_NAME);
        Optional<JdbcDataSourceBuildItem> found = dataSources.stream().filter(item -> item.getName().equals(name)).findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        String configured = dataSources.isEmpty() ? "none is configured"
                : "configured: " + dataSources.stream().map(item -> item.getName()).sorted().collect(Collectors.joining(", "));
        if (configuredName.isPresent()) {
            throw new ConfigurationException(dataSourceKey + " is '" + name + "', but there is no datasource of that name ("
                    + configured + "). To fix this, configure it (quarkus.datasource.\"" + name + "\".db-kind and "
                    + "quarkus.datasource.\"" + name + "\".jdbc.url) or set " + dataSourceKey
                    + " to the name of a configured datasource.", Set.of(dataSourceKey));
        }
        throw new ConfigurationException(subject() + " uses the default datasource, and it is not configured (" + configured
                + "). To fix this, set quarkus.datasource.db-kind and quarkus.datasource.jdbc.url, or set " + dataSourceKey
                + " to the name of a configured datasource.", Set.of(dataSourceKey));
    }

    private String dialect(Optional<String> configuredDialect, JdbcDataSourceBuildItem dataSource) {
        if (configuredDialect.isPresent()) {
            String name = configuredDialect.get().trim();
            if (Dialects.byName(name).isEmpty()) {
                throw new ConfigurationException(dialectKey + " is '" + name + "', which is not a dialect Retort knows. To fix "
                        + "this, set it to one of " + String.join(", ", Dialects.NAMES) + ".", Set.of(dialectKey));
            }
            return name;
        }
        String dbKind = dataSource.getDbKind();
        Optional<String> dialect = dialectForDbKind(dbKind);
        if (dialect.isEmpty()) {
            throw new ConfigurationException(describe(dataSource.getName()) + " has db-kind '" + dbKind + "', for which Retort "
                    + "has no dialect. To fix this, use a database Retort supports, or set " + dialectKey + " to one of "
                    + String.join(", ", Dialects.NAMES) + " if this database speaks its SQL.", Set.of(dialectKey));
        }
        return dialect.get();
    }

    static Optional<String> dialectForDbKind(String dbKind) {
        if (DatabaseKind.isH2(dbKind)) {
            return Optional.of("h2");
        }
        if (DatabaseKind.isPostgreSQL(dbKind)) {
            return Optional.of("postgresql");
        }
        if (DatabaseKind.isMariaDB(dbKind)) {
            return Optional.of("mariadb");
        }
        if (DatabaseKind.isMySQL(dbKind)) {
            return Optional.of("mysql");
        }
        return Dialects.byName(dbKind).map(dialect -> dbKind.toLowerCase(Locale.ROOT));
    }

    private static String describe(String dataSourceName) {
        return DataSourceUtil.isDefault(dataSourceName) ? "the default datasource" : "datasource '" + dataSourceName + "'";
    }

    private static String keyPart(String dataSourceName) {
        return DataSourceUtil.isDefault(dataSourceName) ? "" : "\"" + dataSourceName + "\".";
    }
}
