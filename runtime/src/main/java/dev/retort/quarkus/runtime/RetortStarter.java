package dev.retort.quarkus.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Any;

import dev.retort.ConfigurationException;

import dev.retort.Metadata;
import dev.retort.SchemaStrategy;
import dev.retort.SessionFactory;
import dev.retort.boot.UnitSettings;
import dev.retort.boot.UnitStarter;
import dev.retort.engine.Replicas;
import io.agroal.api.AgroalDataSource;
import io.agroal.narayana.NarayanaTransactionIntegration;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.datasource.common.runtime.DataSourceUtil;

/**
 * Quarkus's side of core's {@link UnitStarter}: starts one unit, whose model the build checked, on its
 * Quarkus datasource with the {@code quarkus.retort.*} settings of this run, and throws the first problem
 * (the others suppressed) to fail the start. Used once, on the starting thread.
 */
final class RetortStarter {
    /** The load script the default unit runs in dev and test mode when none is configured and the file exists. */
    static final String DEFAULT_SQL_LOAD_SCRIPT = "import.sql";

    private final String unitName;
    private final RetortRuntimeConfig.Unit config;
    private final String dataSourceName;
    private final String dialectName;
    private final boolean devOrTest;
    private final boolean metrics;
    private final boolean tracing;

    RetortStarter(String unitName, RetortRuntimeConfig.Unit config, String dataSourceName, String dialectName, boolean devOrTest,
            boolean metrics, boolean tracing) {
        this.unitName = unitName;
        this.config = config;
        this.dataSourceName = dataSourceName;
        this.dialectName = dialectName;
        this.devOrTest = devOrTest;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    SessionFactory start(Metadata checkedModel) {
        UnitStarter starter = new UnitStarter(new Settings());
        UnitStarter.Plan plan = starter.plan(checkedModel).orElseThrow(starter::failure);
        Map<String, DataSource> replicas = replicas();
        return starter.start(plan, AgroalDataSourceUtil.dataSourceInstance(dataSourceName).get(), describe(dataSourceName),
                replicas).orElseThrow(starter::failure).sessionFactory();
    }

    private static String describe(String dataSource) {
        return "the Quarkus " + (DataSourceUtil.isDefault(dataSource) ? "default datasource" : "datasource '" + dataSource + "'");
    }

    /**
     * The datasources {@code replicas} names, each under "the Quarkus datasource 'name'"; throws when one is not an
     * active datasource, is the unit's own, or enlists its connections in JTA transactions.
     */
    private Map<String, DataSource> replicas() {
        String key = UnitKeys.key(unitName, "replicas");
        Map<String, DataSource> replicas = new LinkedHashMap<>();
        for (String name : config.replicas().orElse(List.of())) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.equals(dataSourceName)) {
                throw new ConfigurationException(key + " lists '" + trimmed + "', the datasource of the unit itself, where "
                        + "its writes go. To fix this, list only the replicas' datasources in " + key + ".");
            }
            InjectableInstance<AgroalDataSource> instance = AgroalDataSourceUtil.dataSourceInstance(trimmed);
            if (!instance.isResolvable() || !instance.getHandle().getBean().isActive()) {
                throw new ConfigurationException(key + " lists '" + trimmed + "', but the application has no active Quarkus "
                        + "datasource of that name (its datasources: " + String.join(", ", activeDataSourceNames()) + "). To fix this, configure "
                        + "the replica as quarkus.datasource.\"" + trimmed + "\".db-kind and quarkus.datasource.\"" + trimmed
                        + "\".jdbc.url, or correct " + key + ".");
            }
            AgroalDataSource pool = instance.get();
            if (pool.getConfiguration().connectionPoolConfiguration().transactionIntegration()
                    instanceof NarayanaTransactionIntegration) {
                throw new ConfigurationException(key + " lists '" + trimmed + "', whose connections join JTA transactions; "
                        + "a replica's read-only sessions run transactions of their own there (a hot standby cannot prepare "
                        + "an XA transaction). To fix this, set quarkus.datasource.\"" + trimmed
                        + "\".jdbc.transactions=disabled.");
            }
            replicas.put(describe(trimmed), pool);
        }
        return replicas;
    }

    /** The names of the application's active datasources, sorted (the default one as {@code <default>}). */
    private static TreeSet<String> activeDataSourceNames() {
        TreeSet<String> names = new TreeSet<>();
        for (InstanceHandle<AgroalDataSource> handle : Arc.container().select(AgroalDataSource.class, Any.Literal.INSTANCE)
                .handles()) {
            if (handle.getBean() != null && handle.getBean().isActive()) {
                names.add(AgroalDataSourceUtil.dataSourceName(handle.getBean()));
            }
        }
        return names;
    }

    /** The unit's run-time keys, with the defaults of the launch mode, and the dialect and switches the build settled. */
    private final class Settings implements UnitSettings {
        @Override
        public String key(String property) {
            return UnitKeys.key(unitName, property);
        }

        @Override
        public SchemaStrategy schemaStrategy() {
            return config.schemaManagement().strategy().orElse(devOrTest ? SchemaStrategy.DROP_AND_CREATE : SchemaStrategy.NONE);
        }

        @Override
        public List<String> migrationLocations() {
            return config.schemaManagement().locations().stream().map(String::trim).filter(location -> !location.isEmpty())
                    .toList();
        }

        @Override
        public Optional<String> sqlLoadScript() {
            return config.sqlLoadScript().map(String::trim).filter(name -> !name.isEmpty());
        }

        @Override
        public Optional<String> defaultSqlLoadScript() {
            return devOrTest && UnitKeys.isDefault(unitName) ? Optional.of(DEFAULT_SQL_LOAD_SCRIPT) : Optional.empty();
        }

        @Override
        public boolean logSql() {
            return config.log().sql();
        }

        @Override
        public boolean logBindParameters() {
            return config.log().bindParameters();
        }

        @Override
        public int statementBatchSize() {
            return config.jdbc().statementBatchSize();
        }

        /** {@code replicas.wait} is {@code replica.wait} here ({@code replicas} itself is the list of datasources). */
        @Override
        public Optional<String> replicaOption(String option) {
            RetortRuntimeConfig.Replica replica = config.replica();
            return switch (option) {
                case Replicas.WAIT -> replica.waitForCommit();
                case Replicas.MAX_LAG -> replica.maxLag();
                case Replicas.CHECK_INTERVAL -> replica.checkInterval();
                default -> throw new IllegalArgumentException("not a replica option: " + option);
            };
        }

        @Override
        public String replicaOptionKey(String option) {
            return key("replica." + option.substring((Replicas.URLS + ".").length()));
        }

        @Override
        public Optional<String> dialect() {
            return Optional.of(dialectName);
        }

        @Override
        public boolean metrics() {
            return metrics;
        }

        @Override
        public boolean tracing() {
            return tracing;
        }
    }
}
