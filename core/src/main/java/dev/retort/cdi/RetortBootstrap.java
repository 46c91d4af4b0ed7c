package dev.retort.cdi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import dev.retort.ConfigurationException;
import dev.retort.Engine;
import dev.retort.RetortException;
import dev.retort.boot.EntityScanner;
import dev.retort.boot.StartedUnit;
import dev.retort.boot.UnitStarter;
import dev.retort.jta.JtaSessions;
import dev.retort.shard.IdChooser;
import dev.retort.shard.JtaShardedSessions;
import dev.retort.shard.QueryChooser;
import dev.retort.shard.ShardChooser;
import dev.retort.shard.ShardedSessionFactory;

/**
 * The extension's work at deployment, CDI's side of core's {@link UnitStarter}: gathers the entities (from
 * discovery, {@code retort.entities} and {@code retort.packages}), finds the DataSource bean and the
 * transaction registry, and lets the starter check the mapping and the settings and start the unit (for a sharded
 * unit, one per shard's DataSource bean, with the application's chooser beans).
 * Every problem is kept, to be reported as a deployment problem. Used once, on the deploying thread.
 */
final class RetortBootstrap {
    private static final String REGISTRY_JNDI_NAME = "java:comp/TransactionSynchronizationRegistry";

    /** What a successful deployment built. */
    record Built(StartedUnit unit, JtaSessions sessions) {
    }

    /** What a successful deployment of a sharded unit ({@code retort.shards}) built. */
    record BuiltShards(ShardedSessionFactory factory, JtaShardedSessions sessions) {
    }

    private final BeanManager beanManager;
    private final List<RetortException> problems = new ArrayList<>();
    /** How messages name the DataSource bean: "the DataSource bean 'h2'". */
    private String dataSourceDescription;

    RetortBootstrap(BeanManager beanManager) {
        this.beanManager = beanManager;
    }

    List<RetortException> problems() {
        return problems;
    }

    /** Keys in a file nothing reads explain every later problem (no entity found, the wrong DataSource): only they are reported. */
    private boolean unread(RetortConfig config) {
        config.unreadFile().ifPresent(problems::add);
        return !problems.isEmpty();
    }

    /** Everything the beans need, or null when there were problems. */
    Built build(Set<Class<?>> discovered) {
        RetortConfig config = RetortConfig.load();
        if (unread(config)) {
            return null;
        }
        UnitStarter starter = new UnitStarter(config);
        Set<Class<?>> entities = entities(config, discovered);
        Optional<UnitStarter.Plan> plan = starter.plan(entities);
        problems.addAll(starter.problems());
        DataSource dataSource = dataSource(config);
        Map<String, DataSource> replicas = replicas(config);
        TransactionSynchronizationRegistry registry = registry();
        if (!problems.isEmpty() || plan.isEmpty()) {
            return null;
        }
        Optional<StartedUnit> unit = starter.start(plan.get(), dataSource, dataSourceDescription, replicas);
        if (unit.isEmpty()) {
            problems.addAll(starter.problems());
            return null;
        }
        return new Built(unit.get(), new JtaSessions(unit.get().sessionFactory(), registry));
    }

    /**
     * The sharded unit {@code retort.shards} names: each shard a DataSource bean, started as a unit of its own (schema
     * strategy, load script), placed by the application's {@link ShardChooser} bean; its {@link IdChooser} and
     * {@link QueryChooser} beans when it has them, else every shard. Null when there were problems.
     */
    BuiltShards buildSharded(Set<Class<?>> discovered) {
        RetortConfig config = RetortConfig.load();
        if (unread(config)) {
            return null;
        }
        UnitStarter starter = new UnitStarter(config);
        Optional<UnitStarter.Plan> plan = starter.plan(entities(config, discovered));
        problems.addAll(starter.problems());
        for (String single : List.of(RetortConfig.DATASOURCE, RetortConfig.REPLICAS)) {
            if (config.get(single).isPresent()) {
                problems.add(new ConfigurationException(RetortConfig.SHARDS + " and " + single + " are both set, and a "
                        + "sharded unit has no single database: each shard is the DataSource bean " + RetortConfig.SHARDS
                        + " names. To fix this, remove " + single + "."));
            }
        }
        Map<String, DataSource> shards = namedDataSources(config, RetortConfig.SHARDS, "shard");
        List<String> names = config.list(RetortConfig.SHARDS);
        ShardChooser shardChooser = chooser(ShardChooser.class, names);
        IdChooser idChooser = optionalChooser(IdChooser.class);
        QueryChooser queryChooser = optionalChooser(QueryChooser.class);
        TransactionSynchronizationRegistry registry = registry();
        if (!problems.isEmpty() || plan.isEmpty()) {
            return null;
        }
        Map<String, Engine> engines = new LinkedHashMap<>();
        for (Map.Entry<String, DataSource> shard : shards.entrySet()) {
            Optional<StartedUnit> unit = starter.start(plan.get(), shard.getValue(), "the DataSource bean '" + shard.getKey() + "'");
            if (unit.isEmpty()) {
                problems.addAll(starter.problems());
                return null;
            }
            engines.put(shard.getKey(), unit.get().engine());
        }
        List<String> every = List.copyOf(engines.keySet());
        ShardedSessionFactory factory = ShardedSessionFactory.of(engines, plan.get().metadata(), shardChooser,
                idChooser != null ? idChooser : (type, id) -> every, queryChooser != null ? queryChooser : query -> every);
        return new BuiltShards(factory, new JtaShardedSessions(factory, registry));
    }

    /** The application's bean of chooser {@code type}; a problem when there is none or several. */
    private <T> T chooser(Class<T> type, List<String> shardNames) {
        Set<Bean<?>> beans = beanManager.getBeans(type);
        if (beans.isEmpty()) {
            problems.add(new ConfigurationException(RetortConfig.SHARDS + " lists " + String.join(", ", shardNames) + ", and "
                    + "there is no " + type.getName() + " bean to tell which of them a new object goes to. To fix this, add "
                    + "one: an @ApplicationScoped class implementing " + type.getSimpleName() + " (entity -> the name of its "
                    + "shard), or a @Produces method returning it."));
            return null;
        }
        return optionalChooser(type);
    }

    /** The application's bean of chooser {@code type}, or null when it has none; a problem when it has several. */
    private <T> T optionalChooser(Class<T> type) {
        Set<Bean<?>> beans = beanManager.getBeans(type);
        if (beans.isEmpty()) {
            return null;
        }
        Bean<?> bean;
        try {
            bean = beanManager.resolve(beans);
        } catch (AmbiguousResolutionException e) {
            problems.add(new ConfigurationException("Retort found several " + type.getName() + " beans (" + describe(beans)
                    + ") and cannot tell which the shards use. To fix this, keep one, or mark the one to use @Priority "
                    + "and @Alternative."));
            return null;
        }
        return type.cast(beanManager.getReference(bean, type, beanManager.createCreationalContext(bean)));
    }

    private Set<Class<?>> entities(RetortConfig config, Set<Class<?>> discovered) {
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
        return entities;
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
            // The replicas retort.replicas names are not candidates for the primary.
            List<String> replicaNames = config.list(RetortConfig.REPLICAS);
            java.util.function.Predicate<Bean<?>> notReplica = bean -> bean.getName() == null
                    || !replicaNames.contains(bean.getName());
            Set<Bean<?>> defaults = beanManager.getBeans(DataSource.class).stream().filter(notReplica)
                    .collect(Collectors.toSet());
            candidates = defaults.size() == 1 ? defaults : all.stream().filter(notReplica).collect(Collectors.toSet());
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
        dataSourceDescription = "the DataSource bean" + (bean.getName() == null ? "" : " '" + bean.getName() + "'");
        return (DataSource) beanManager.getReference(bean, DataSource.class, beanManager.createCreationalContext(bean));
    }

    /** The DataSource beans {@code retort.replicas} names, each under "the DataSource bean 'name'"; empty when not set. */
    private Map<String, DataSource> replicas(RetortConfig config) {
        Map<String, DataSource> replicas = new LinkedHashMap<>();
        namedDataSources(config, RetortConfig.REPLICAS, "replica")
                .forEach((name, dataSource) -> replicas.put("the DataSource bean '" + name + "'", dataSource));
        return replicas;
    }

    /** The DataSource beans the list {@code key} names, by name; a problem for each name no bean has. */
    private Map<String, DataSource> namedDataSources(RetortConfig config, String key, String role) {
        Map<String, DataSource> found = new LinkedHashMap<>();
        Set<Bean<?>> all = beanManager.getBeans(DataSource.class, Any.Literal.INSTANCE);
        for (String name : config.list(key)) {
            Optional<Bean<?>> bean = all.stream().filter(candidate -> name.equals(candidate.getName())).findFirst();
            if (bean.isEmpty()) {
                problems.add(new ConfigurationException(key + " lists '" + name + "', but no "
                        + "javax.sql.DataSource bean has that name (" + describe(all) + "). To fix this, give the " + role + "'s "
                        + "DataSource bean @Named(\"" + name + "\") or correct " + key + "."));
                continue;
            }
            found.put(name, (DataSource) beanManager.getReference(bean.get(), DataSource.class,
                    beanManager.createCreationalContext(bean.get())));
        }
        return found;
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
}
