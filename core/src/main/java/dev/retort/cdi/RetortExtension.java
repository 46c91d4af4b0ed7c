package dev.retort.cdi;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.inject.Singleton;
import jakarta.persistence.Entity;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.boot.RequestReadSession;
import dev.retort.boot.StartedUnit;
import dev.retort.jta.ContainerSession;
import dev.retort.shard.ContainerShardedSession;
import dev.retort.shard.JtaShardedSessions;
import dev.retort.shard.ShardedSession;
import dev.retort.shard.ShardedSessionFactory;

/**
 * The portable CDI extension that gives a Jakarta EE or Weld application {@code @Inject Session}: it
 * collects {@code @Entity} classes while the container discovers types (and from {@code retort.packages}
 * and {@code retort.entities}, for bean archives whose discovery mode does not show them), registers
 * {@link Engine}, {@link Metadata}, {@link SessionFactory} and {@link Session} beans, and at deployment
 * validates the mapping, finds the application's DataSource and applies the schema strategy, reporting
 * every problem as a deployment problem so that a mistake fails the boot. With {@code retort.shards} the unit is sharded
 * instead: {@link ShardedSessionFactory}, {@link JtaShardedSessions} and {@link ShardedSession} beans over the shards'
 * DataSource beans. See {@code docs/cdi.md}.
 */
public class RetortExtension implements Extension {
    private final Set<Class<?>> discovered = new LinkedHashSet<>();
    private volatile RetortRuntime runtime;
    /** Set when {@code retort.shards} names the shards' DataSource beans: the unit is sharded, with no single database. */
    private boolean sharded;
    private volatile RetortBootstrap.BuiltShards shards;

    /** The interceptor of {@link ReadOnlyTransaction}, enabled by its priority, whatever the application's archives scan. */
    void registerInterceptor(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        event.addInterceptorBinding(ReadOnlyTransaction.class);
        event.addAnnotatedType(beanManager.createAnnotatedType(ReadOnlyTransactionInterceptor.class),
                ReadOnlyTransactionInterceptor.class.getName());
    }

    /** Entities are not beans: they are collected here and vetoed, as a Jakarta EE server does with JPA entities. */
    <T> void entityFound(@Observes @WithAnnotations(Entity.class) ProcessAnnotatedType<T> event) {
        if (event.getAnnotatedType().isAnnotationPresent(Entity.class)) {
            discovered.add(event.getAnnotatedType().getJavaClass());
            event.veto();
        }
    }

    void registerBeans(@Observes AfterBeanDiscovery event) {
        sharded = !RetortConfig.load().list(RetortConfig.SHARDS).isEmpty();
        if (sharded) {
            registerShardedBeans(event);
            return;
        }
        event.addBean().types(Metadata.class, Object.class).scope(Singleton.class).createWith(context -> runtime().metadata());
        event.addBean().types(Engine.class, Object.class).scope(Singleton.class).createWith(context -> runtime().engine());
        event.addBean().types(SessionFactory.class, Object.class).scope(Singleton.class)
                .createWith(context -> runtime().sessionFactory());
        event.addBean().types(Session.class, Object.class).scope(Singleton.class).createWith(context -> runtime().session());
        event.<RequestReadSession>addBean().types(RequestReadSession.class, Object.class).scope(RequestScoped.class)
                .produceWith(instance -> new RequestReadSession())
                .disposeWith((session, instance) -> session.close());
    }

    /**
     * A sharded unit's beans: its {@link ShardedSessionFactory}, the {@link JtaShardedSessions} that bind its sessions
     * to JTA transactions, and the {@link ShardedSession} to inject, which is the current transaction's.
     */
    private void registerShardedBeans(AfterBeanDiscovery event) {
        event.addBean().types(Metadata.class, Object.class).scope(Singleton.class)
                .createWith(context -> shards().factory().metadata());
        event.addBean().types(ShardedSessionFactory.class, Object.class).scope(Singleton.class)
                .createWith(context -> shards().factory());
        event.addBean().types(JtaShardedSessions.class, Object.class).scope(Singleton.class)
                .createWith(context -> shards().sessions());
        event.addBean().types(ShardedSession.class, Object.class).scope(Singleton.class)
                .createWith(context -> new ContainerShardedSession(shards().sessions()));
    }

    void deploy(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        if (sharded) {
            RetortBootstrap bootstrap = new RetortBootstrap(beanManager);
            shards = bootstrap.buildSharded(discovered);
            if (shards == null) {
                bootstrap.problems().forEach(event::addDeploymentProblem);
            }
            return;
        }
        RetortBootstrap bootstrap = new RetortBootstrap(beanManager);
        RetortBootstrap.Built built = bootstrap.build(discovered);
        if (built == null) {
            bootstrap.problems().forEach(event::addDeploymentProblem);
            return;
        }
        Bean<?> bean = beanManager.resolve(beanManager.getBeans(RequestReadSession.class));
        RequestReadSession requestSession = (RequestReadSession) beanManager.getReference(bean, RequestReadSession.class,
                beanManager.createCreationalContext(bean));
        StartedUnit unit = built.unit();
        ContainerSession session = new ContainerSession(built.sessions(),
                () -> requestActive(beanManager) ? requestSession.session(unit.sessionFactory()) : null);
        runtime = new RetortRuntime(unit.metadata(), unit.engine(), unit.sessionFactory(), session);
    }

    /**
     * Closes the engines when the container shuts down, which stops what they run of their own (the replicas'
     * background check, which would otherwise keep asking the container's DataSource beans after they are gone); the
     * DataSource beans themselves are the application's and stay open.
     */
    void shutdown(@Observes BeforeShutdown event) {
        RetortRuntime current = runtime;
        if (current != null) {
            current.engine().close();
        }
        RetortBootstrap.BuiltShards sharded = shards;
        if (sharded != null) {
            sharded.factory().shardNames().forEach(name -> sharded.factory().engine(name).close());
        }
    }

    private static boolean requestActive(BeanManager beanManager) {
        try {
            return beanManager.getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }

    private RetortBootstrap.BuiltShards shards() {
        RetortBootstrap.BuiltShards current = shards;
        if (current == null) {
            throw new IllegalStateException("Retort was asked for a sharded bean before the deployment was validated, or its "
                    + "deployment failed (see the deployment problems reported).");
        }
        return current;
    }

    private RetortRuntime runtime() {
        RetortRuntime current = runtime;
        if (current == null) {
            throw new IllegalStateException("Retort was asked for a bean before the deployment was validated, or its "
                    + "deployment failed (see the deployment problems reported).");
        }
        return current;
    }
}
