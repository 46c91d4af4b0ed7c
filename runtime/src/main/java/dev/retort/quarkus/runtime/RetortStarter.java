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
 * Starts Retort when its session factory bean is first needed (at start-up): loads the entity classes the
 * build recorded, connects the engine to the Quarkus datasource, applies the schema strategy and runs the
 * load script. Used once, on the starting thread.
 */
final class RetortStarter {
    static final String SCHEMA_STRATEGY_KEY = "quarkus.retort.schema-management.strategy";

    private final RetortRuntimeConfig config;
    private final String dataSourceName;
    private final String dialectName;
    private final boolean devOrTest;

    RetortStarter(RetortRuntimeConfig config, String dataSourceName, String dialectName, boolean devOrTest) {
        this.config = config;
        this.dataSourceName = dataSourceName;
        this.dialectName = dialectName;
        this.devOrTest = devOrTest;
    }

    SessionFactory start(List<String> entityClassNames) {
        Metadata metadata = Metadata.of(load(entityClassNames));
        Dialect dialect = Dialects.byName(dialectName).orElseThrow(() -> new IllegalStateException(
                "The build recorded dialect '" + dialectName + "', which this Retort core does not know"));
        DataSource dataSource = AgroalDataSourceUtil.dataSourceInstance(dataSourceName).get();
        Engine engine = Engine.of(dataSource, dialect, location(dialect), config.log().sql(), config.log().bindParameters());
        SchemaStrategy strategy = config.schemaManagement().strategy()
                .orElse(devOrTest ? SchemaStrategy.DROP_AND_CREATE : SchemaStrategy.NONE);
        applySchema(strategy, metadata, engine);
        if (strategy.creates()) {
            SqlLoadScript.resolve(config.sqlLoadScript(), devOrTest).ifPresent(script -> SqlLoadScript.run(script, engine));
        } else if (config.sqlLoadScript().filter(name -> !name.equals(SqlLoadScript.NO_FILE)).isPresent()) {
            throw new ConfigurationException(SqlLoadScript.KEY + " is set, but " + SCHEMA_STRATEGY_KEY + " is "
                    + strategy.configValue() + ", and the load script runs only "
                    + "after Retort created the schema. To fix this, set " + SCHEMA_STRATEGY_KEY + " to create or "
                    + "drop-and-create, or remove " + SqlLoadScript.KEY + ".");
        }
        return SessionFactory.of(engine, metadata);
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

    private static void applySchema(SchemaStrategy strategy, Metadata metadata, Engine engine) {
        try {
            metadata.apply(strategy, engine);
        } catch (MappingException e) {
            throw new MappingException(SCHEMA_STRATEGY_KEY + "=validate: " + e.getMessage(), e);
        }
    }
}
