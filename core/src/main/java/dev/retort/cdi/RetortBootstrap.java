package dev.retort.cdi;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import dev.retort.ConfigurationException;
import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.RetortException;
import dev.retort.SchemaStrategy;
import dev.retort.SessionFactory;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;
import dev.retort.engine.EngineUrl;
import dev.retort.jta.JtaSessions;
import dev.retort.mapping.EntityMappings;
import dev.retort.schema.SqlScript;

/**
 * The extension's work at deployment: reads the configuration, gathers and checks the entities, finds
 * the DataSource and the transaction registry, detects the dialect and applies the schema strategy.
 * Every problem is kept with a message that names what is wrong and the fix, to be reported as a
 * deployment problem. Used once, on the deploying thread.
 */
final class RetortBootstrap {
    private static final String REGISTRY_JNDI_NAME = "java:comp/TransactionSynchronizationRegistry";

    /** What a successful deployment built. */
    record Built(Metadata metadata, Engine engine, SessionFactory sessionFactory, JtaSessions sessions) {
    }

    private final BeanManager beanManager;
    private final List<RetortException> problems = new ArrayList<>();
    /** The DataSource bean's name, when it has one, and the database URL, when Retort connected to detect it. */
    private String dataSourceName;
    private String databaseUrl;

    RetortBootstrap(BeanManager beanManager) {
        this.beanManager = beanManager;
    }

    List<RetortException> problems() {
        return problems;
    }

    /** Everything the beans need, or null when there were problems. */
    Built build(Set<Class<?>> discovered) {
        RetortConfig config = RetortConfig.load();
        SchemaStrategy strategy;
        boolean logSql;
        boolean logBindParameters;
        Optional<SqlScript> loadScript;
        try {
            strategy = config.schemaStrategy();
            logSql = config.logSql();
            logBindParameters = config.logBindParameters();
            loadScript = loadScript(config, strategy);
        } catch (ConfigurationException e) {
            problems.add(e);
            return null;
        }
        Metadata metadata = metadata(config, discovered);
        DataSource dataSource = dataSource(config);
        TransactionSynchronizationRegistry registry = registry();
        if (!problems.isEmpty()) {
            return null;
        }
        Dialect dialect = dialect(config, dataSource);
        if (dialect == null) {
            return null;
        }
        Engine engine = Engine.of(dataSource, dialect, location(dialect), logSql, logBindParameters);
        if (!applySchema(strategy, metadata, engine) || !runLoadScript(loadScript, engine)) {
            return null;
        }
        SessionFactory factory = SessionFactory.of(engine, metadata);
        return new Built(metadata, engine, factory, new JtaSessions(factory, registry));
    }

    private Metadata metadata(RetortConfig config, Set<Class<?>> discovered) {
        Set<Class<?>> entities = new LinkedHashSet<>(discovered);
        ClassLoader loader = classLoader();
        for (String className : config.list(RetortConfig.ENTITIES)) {
            try {
                entities.add(Class.forName(className, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add(new ConfigurationException(RetortConfig.ENTITIES + " lists " + className + ", which is not on the "
                        + "application's class path. To fix this, correct the class name (package included) or add the jar "
                        + "that contains it."));
            }
        }
        EntityScanner scanner = new EntityScanner(loader);
        for (String packageName : config.list(RetortConfig.PACKAGES)) {
            Set<Class<?>> found = scanner.entitiesIn(packageName);
            if (found.isEmpty()) {
                problems.add(new ConfigurationException(RetortConfig.PACKAGES + " lists package " + packageName + ", which "
                        + "has no @Entity class on the application's class path. To fix this, correct the package name or "
                        + "remove it from " + RetortConfig.PACKAGES + "."));
            }
            entities.addAll(found);
        }
        if (entities.isEmpty() && problems.isEmpty()) {
            problems.add(new ConfigurationException("Retort found no @Entity class. Bean archives with "
                    + "bean-discovery-mode=\"annotated\" (the default) do not show entities to CDI extensions. To fix this, set "
                    + RetortConfig.PACKAGES + " to the packages of your entities (comma-separated), list the classes in "
                    + RetortConfig.ENTITIES + ", or use bean-discovery-mode=\"all\" in the archive's beans.xml."));
        }
        boolean mapped = true;
        for (Class<?> type : entities) {
            try {
                EntityMappings.of(type);
            } catch (RetortException e) {
                problems.add(e);
                mapped = false;
            }
        }
        if (!mapped || entities.isEmpty()) {
            return null;
        }
        try {
            return Metadata.of(new ArrayList<>(entities));
        } catch (RetortException e) {
            problems.add(e);
            return null;
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : RetortBootstrap.class.getClassLoader();
    }

    private DataSource dataSource(RetortConfig config) {
        Optional<String> name = config.get(RetortConfig.DATASOURCE);
        Set<Bean<?>> all = beanManager.getBeans(DataSource.class, Any.Literal.INSTANCE);
        Set<Bean<?>> candidates;
        if (name.isPresent()) {
            candidates = all.stream().filter(bean -> name.get().equals(bean.getName())).collect(Collectors.toSet());
            if (candidates.isEmpty()) {
                problems.add(new ConfigurationException(RetortConfig.DATASOURCE + " is '" + name.get() + "', but no "
                        + "javax.sql.DataSource bean has that name (" + describe(all) + "). To fix this, give the DataSource "
                        + "bean @Named(\"" + name.get() + "\") or set " + RetortConfig.DATASOURCE + " to the name of one of them."));
                return null;
            }
        } else {
            Set<Bean<?>> defaults = beanManager.getBeans(DataSource.class);
            candidates = defaults.size() == 1 ? defaults : all;
        }
        if (candidates.isEmpty()) {
            problems.add(new ConfigurationException("Retort needs the application's javax.sql.DataSource, and there is no "
                    + "DataSource bean. To fix this, produce one: a @Produces @ApplicationScoped method returning the pool "
                    + "(for example an Agroal pool with its Narayana integration), or on an application server a "
                    + "@Produces @Resource(lookup = \"java:...\") DataSource field."));
            return null;
        }
        if (candidates.size() > 1) {
            problems.add(new ConfigurationException("Retort found several javax.sql.DataSource beans (" + describe(candidates)
                    + ") and cannot tell which to use. To fix this, set " + RetortConfig.DATASOURCE
                    + " to the @Named name of the one Retort should use."));
            return null;
        }
        Bean<?> bean = candidates.iterator().next();
        dataSourceName = bean.getName();
        return (DataSource) beanManager.getReference(bean, DataSource.class, beanManager.createCreationalContext(bean));
    }

    private static String describe(Set<Bean<?>> beans) {
        if (beans.isEmpty()) {
            return "there is none";
        }
        return "named: " + beans.stream().map(bean -> bean.getName() == null ? "(unnamed) " + bean.getBeanClass().getName()
                : bean.getName()).sorted().collect(Collectors.joining(", "));
    }

    private TransactionSynchronizationRegistry registry() {
        Set<Bean<?>> beans = beanManager.getBeans(TransactionSynchronizationRegistry.class);
        if (!beans.isEmpty()) {
            Bean<?> bean = beanManager.resolve(beans);
            return (TransactionSynchronizationRegistry) beanManager.getReference(bean, TransactionSynchronizationRegistry.class,
                    beanManager.createCreationalContext(bean));
        }
        try {
            return (TransactionSynchronizationRegistry) new InitialContext().lookup(REGISTRY_JNDI_NAME);
        } catch (NamingException | RuntimeException e) {
            problems.add(new ConfigurationException("Retort joins JTA transactions and found no "
                    + "jakarta.transaction.TransactionSynchronizationRegistry: there is no such bean and " + REGISTRY_JNDI_NAME
                    + " is not bound in JNDI. To fix this, run on a Jakarta EE server, or add a JTA implementation with its "
                    + "CDI integration (for example org.jboss.narayana.jta:narayana-jta and org.jboss.narayana.jta:cdi)."));
            return null;
        }
    }

    private Dialect dialect(RetortConfig config, DataSource dataSource) {
        Optional<String> name = config.get(RetortConfig.DIALECT);
        if (name.isPresent()) {
            Optional<Dialect> dialect = Dialects.byName(name.get());
            if (dialect.isEmpty()) {
                problems.add(new ConfigurationException(RetortConfig.DIALECT + " is '" + name.get() + "', which is not a "
                        + "dialect Retort knows. To fix this, set it to one of " + String.join(", ", Dialects.NAMES) + "."));
            }
            return dialect.orElse(null);
        }
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
            databaseUrl = connection.getMetaData().getURL();
        } catch (SQLException e) {
            problems.add(new ConfigurationException("Retort could not connect through the DataSource bean to detect the "
                    + "database: " + e.getMessage() + ". To fix this, check the DataSource's URL and credentials and that the "
                    + "database is running, or set " + RetortConfig.DIALECT + " so that Retort does not connect at start-up.", e));
            return null;
        }
        Optional<Dialect> dialect = Dialects.forDatabaseProductName(product);
        if (dialect.isEmpty()) {
            problems.add(new ConfigurationException("The DataSource is connected to " + product + ", for which Retort has no "
                    + "dialect. To fix this, use one of the databases Retort supports, or set " + RetortConfig.DIALECT
                    + " to one of " + String.join(", ", Dialects.NAMES) + " if this database speaks its SQL."));
        }
        return dialect.orElse(null);
    }

    /** Where the engine's database is, for messages: "H2 through the DataSource bean 'h2' (jdbc:h2:mem:app)". */
    private String location(Dialect dialect) {
        return dialect.displayName() + " through the DataSource bean" + (dataSourceName == null ? "" : " '" + dataSourceName + "'")
                + (databaseUrl == null ? "" : " (" + EngineUrl.masked(databaseUrl) + ")");
    }

    private boolean applySchema(SchemaStrategy strategy, Metadata metadata, Engine engine) {
        try {
            metadata.apply(strategy, engine);
            return true;
        } catch (RetortException e) {
            problems.add(strategy == SchemaStrategy.VALIDATE
                    ? new dev.retort.MappingException(RetortConfig.SCHEMA + "=validate: " + e.getMessage(), e)
                    : e);
            return false;
        }
    }

    /** The configured load script: it must exist, and runs only after Retort created the schema. */
    private Optional<SqlScript> loadScript(RetortConfig config, SchemaStrategy strategy) {
        Optional<String> name = config.get(RetortConfig.SQL_LOAD_SCRIPT);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (!strategy.creates()) {
            throw new ConfigurationException(RetortConfig.SQL_LOAD_SCRIPT + " is set, but " + RetortConfig.SCHEMA + " is "
                    + strategy.configValue() + ", and the load script runs only after Retort created the schema. To fix "
                    + "this, set " + RetortConfig.SCHEMA + " to create or drop-and-create, or remove "
                    + RetortConfig.SQL_LOAD_SCRIPT + ".");
        }
        return Optional.of(SqlScript.require(name.get(), RetortConfig.SQL_LOAD_SCRIPT, ", or remove the setting", classLoader()));
    }

    private boolean runLoadScript(Optional<SqlScript> script, Engine engine) {
        if (script.isEmpty()) {
            return true;
        }
        try (Connection connection = engine.connect()) {
            script.get().run(connection, engine.sqlLog(), engine.location());
            return true;
        } catch (RetortException e) {
            problems.add(e);
            return false;
        } catch (SQLException e) {
            problems.add(new dev.retort.DatabaseException("Cannot close the connection of the load script: " + e.getMessage(), e));
            return false;
        }
    }
}
