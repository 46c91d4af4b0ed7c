package dev.retort.quarkus.runtime;

import java.util.List;
import java.util.Optional;

import dev.retort.Metadata;
import dev.retort.SchemaStrategy;
import dev.retort.SessionFactory;
import dev.retort.boot.UnitSettings;
import dev.retort.boot.UnitStarter;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
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

    RetortStarter(String unitName, RetortRuntimeConfig.Unit config, String dataSourceName, String dialectName, boolean devOrTest) {
        this.unitName = unitName;
        this.config = config;
        this.dataSourceName = dataSourceName;
        this.dialectName = dialectName;
        this.devOrTest = devOrTest;
    }

    SessionFactory start(Metadata checkedModel) {
        UnitStarter starter = new UnitStarter(new Settings());
        UnitStarter.Plan plan = starter.plan(checkedModel).orElseThrow(starter::failure);
        String description = "the Quarkus "
                + (DataSourceUtil.isDefault(dataSourceName) ? "default datasource" : "datasource '" + dataSourceName + "'");
        return starter.start(plan, AgroalDataSourceUtil.dataSourceInstance(dataSourceName).get(), description)
                .orElseThrow(starter::failure).sessionFactory();
    }

    /** The unit's run-time keys, with the defaults of the launch mode, and the dialect the build settled. */
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

        @Override
        public Optional<String> dialect() {
            return Optional.of(dialectName);
        }
    }
}
