package dev.retort.quarkus.deployment;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.jandex.ClassType;
import org.jboss.jandex.DotName;
import org.jboss.logging.Logger;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.quarkus.runtime.RequestReadSession;
import dev.retort.quarkus.runtime.RetortBuildTimeConfig;
import dev.retort.quarkus.runtime.RetortRecorder;
import io.quarkus.agroal.spi.JdbcDataSourceBuildItem;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;

/**
 * Retort's build steps: finds and checks the entities, settles the datasource and dialect, registers
 * what reflection needs, and records the beans {@link Engine}, {@link Metadata}, {@link SessionFactory}
 * and {@link Session}.
 */
class RetortProcessor {
    private static final Logger LOG = Logger.getLogger(RetortProcessor.class);
    private static final String FEATURE = "retort";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    RetortEntitiesBuildItem entities(CombinedIndexBuildItem index, RetortBuildTimeConfig config) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        RetortEntitiesBuildItem entities = new EntityDiscovery(index.getIndex(), loader)
                .discover(config.packages().orElse(List.of()));
        if (entities.entityClassNames().isEmpty()) {
            LOG.warn("Retort found no @Entity class in the application or its indexed dependencies, so it registers no "
                    + "beans. To fix this, annotate your entity classes with @jakarta.persistence.Entity"
                    + (config.packages().isPresent() ? " or correct quarkus.retort.packages" : "")
                    + "; classes in a dependency jar need a Jandex index (or quarkus.index-dependency.*).");
        }
        return entities;
    }

    @BuildStep
    void reflection(RetortEntitiesBuildItem entities, BuildProducer<ReflectiveClassBuildItem> reflective) {
        if (entities.entityClassNames().isEmpty()) {
            return;
        }
        reflective.produce(ReflectiveClassBuildItem.builder(entities.entityClassNames()).constructors().fields()
                .reason("Retort entities: created and filled through reflection").build());
        if (!entities.mappedSuperclassNames().isEmpty()) {
            reflective.produce(ReflectiveClassBuildItem.builder(entities.mappedSuperclassNames()).fields()
                    .reason("Retort mapped superclasses: fields read and written through reflection").build());
        }
    }

    @BuildStep
    Optional<RetortDataSourceBuildItem> dataSource(RetortEntitiesBuildItem entities, RetortBuildTimeConfig config,
            List<JdbcDataSourceBuildItem> dataSources) {
        if (entities.entityClassNames().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(DataSourceResolution.resolve(config.datasource(), config.dialect(), dataSources));
    }

    @BuildStep
    void requestSessionBean(Optional<RetortDataSourceBuildItem> dataSource, BuildProducer<AdditionalBeanBuildItem> beans) {
        if (dataSource.isPresent()) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(RequestReadSession.class));
        }
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void beans(RetortRecorder recorder, RetortEntitiesBuildItem entities, Optional<RetortDataSourceBuildItem> dataSource,
            LaunchModeBuildItem launchMode, BuildProducer<SyntheticBeanBuildItem> beans) {
        if (dataSource.isEmpty()) {
            return;
        }
        ClassType sessionFactoryType = classType(SessionFactory.class);
        beans.produce(SyntheticBeanBuildItem.configure(SessionFactory.class).scope(Singleton.class).unremovable()
                .setRuntimeInit().startup()
                .createWith(recorder.sessionFactory(entities.entityClassNames(), dataSource.get().dataSourceName(),
                        dataSource.get().dialectName(), launchMode.getLaunchMode().isDevOrTest()))
                .done());
        beans.produce(SyntheticBeanBuildItem.configure(Metadata.class).scope(Singleton.class).unremovable().setRuntimeInit()
                .addInjectionPoint(sessionFactoryType).createWith(recorder.metadata()).done());
        beans.produce(SyntheticBeanBuildItem.configure(Engine.class).scope(Singleton.class).unremovable().setRuntimeInit()
                .addInjectionPoint(sessionFactoryType).createWith(recorder.engine()).done());
        beans.produce(SyntheticBeanBuildItem.configure(Session.class).scope(Singleton.class).unremovable()
                .setRuntimeInit()
                .addInjectionPoint(sessionFactoryType)
                .addInjectionPoint(classType(TransactionSynchronizationRegistry.class))
                .addInjectionPoint(classType(RequestReadSession.class))
                .createWith(recorder.session()).done());
    }

    private static ClassType classType(Class<?> type) {
        return ClassType.create(DotName.createSimple(type));
    }
}
