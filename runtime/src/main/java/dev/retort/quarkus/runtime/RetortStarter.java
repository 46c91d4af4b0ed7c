package dev.retort.quarkus.runtime;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.retort.ConfigurationException;
import dev.retort.Engine;
import dev.retort.MappingException;
import dev.retort.Metadata;
import dev.retort.SchemaStrategy;
import dev.retort.SessionFactory;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import io.quarkus.datasource.common.runtime.DataSourceUtil;

/**
 * Starts one Retort unit when its session factory bean is first needed (at start-up): loads the entity
 * classes the build recorded, connects the engine to the unit's Quarkus datasource, applies the schema
 * strategy and runs the load script. Used once, on the starting thread.
 */
final class RetortStarter {
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

    SessionFactory start(List<String> entityClassNames) {
        int batchSize = statementBatchSize();
        Metadata metadata = Metadata.of(load(entityClassNames));
        Dialect dialect = Dialects.byName(dialectName).orElseThrow(() -> new IllegalStateException(
                "The build recorded dialect '" + dialectName + "', which this Retort core does not know"));
        DataSource dataSource = AgroalDataSourceUtil.dataSourceInstance(dataSourceName).get();
        Engine engine = Engine.of(dataSource, dialect, location(dialect), config.log().sql(), config.log().bindParameters(),
                batchSize);
        SchemaStrategy strategy = config.schemaManagement().strategy()
                .orElse(devOrTest ? SchemaStrategy.DROP_AND_CREATE : SchemaStrategy.NONE);
        applySchema(strategy, metadata, engine);
        runLoadScript(strategy, engine);
        return SessionFactory.of(engine, metadata);
    }

    private int statementBatchSize() {
        int size = config.jdbc().statementBatchSize();
        if (size < 1) {
            String key = UnitKeys.key(unitName, "jdbc.statement-batch-size");
            throw new ConfigurationException(key + " is " + size + ", and a flush cannot send fewer than 1 row per JDBC "
                    + "batch. To fix this, set " + key + " to a positive whole number, or remove it for the default of "
                    + Engine.DEFAULT_STATEMENT_BATCH_SIZE + ".");
        }
        return size;
    }

    private void runLoadScript(SchemaStrategy strategy, Engine engine) {
        String scriptKey = UnitKeys.key(unitName, SqlLoadScript.PROPERTY);
        SqlLoadScript loadScript = new SqlLoadScript(scriptKey);
        if (strategy.creates()) {
            loadScript.resolve(config.sqlLoadScript(), devOrTest && UnitKeys.isDefault(unitName))
                    .ifPresent(script -> loadScript.run(script, engine));
        } else if (config.sqlLoadScript().filter(name -> !name.equals(SqlLoadScript.NO_FILE)).isPresent()) {
            String strategyKey = strategyKey();
            throw new ConfigurationException(scriptKey + " is set, but " + strategyKey + " is " + strategy.configValue()
                    + ", and the load script runs only after Retort created the schema. To fix this, set " + strategyKey
                    + " to create or drop-and-create, or remove " + scriptKey + ".");
        }
    }

    private String strategyKey() {
        return UnitKeys.key(unitName, "schema-management.strategy");
    }

    private static List<Class<?>> load(List<String> classNames) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<Class<?>> classes = new ArrayList<>(classNames.size());
        for (String name : classNames) {
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("Entity class " + name + ", found at build time, is missing at run time. "
                        + "To fix this, rebuild the application.", e);
            }
        }
        return classes;
    }

    /** Where the engine's database is, for messages: "H2 through the Quarkus datasource 'users'". */
    private String location(Dialect dialect) {
        return dialect.displayName() + " through the Quarkus "
                + (DataSourceUtil.isDefault(dataSourceName) ? "default datasource" : "datasource '" + dataSourceName + "'");
    }

    private void applySchema(SchemaStrategy strategy, Metadata metadata, Engine engine) {
        try {
            metadata.apply(strategy, engine);
        } catch (MappingException e) {
            throw new MappingException(strategyKey() + "=validate: " + e.getMessage(), e);
        }
    }
}
