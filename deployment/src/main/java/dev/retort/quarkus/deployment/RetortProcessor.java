package dev.retort.quarkus.deployment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

import jakarta.enterprise.inject.Default;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassType;
import org.jboss.jandex.DotName;
import org.jboss.logging.Logger;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.quarkus.RetortUnit;
import dev.retort.boot.RequestReadSession;
import dev.retort.cdi.ReadOnlyTransaction;
import dev.retort.cdi.ReadOnlyTransactionInterceptor;
import dev.retort.quarkus.runtime.EngineCloser;
import dev.retort.quarkus.runtime.RetortBuildTimeConfig;
import dev.retort.quarkus.runtime.RetortModelRecorder;
import dev.retort.quarkus.runtime.RetortRecorder;
import dev.retort.quarkus.runtime.UnitKeys;
import dev.retort.sql.Index;
import dev.retort.sql.Table;
import io.quarkus.agroal.spi.JdbcDataSourceBuildItem;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem.ExtendedBeanConfigurator;
import io.quarkus.arc.processor.BuiltinScope;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.recording.RecorderContext;

/**
 * Retort's build steps: finds the entities and assigns them to units, checks each unit's mapping, settles
 * its datasource and dialect, registers what reflection needs, and records each unit's beans
 * {@link Engine}, {@link Metadata}, {@link SessionFactory} and {@link Session}.
 */
class RetortProcessor {
    private static final Logger LOG = Logger.getLogger(RetortProcessor.class);
    private static final String FEATURE = "retort";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    void units(CombinedIndexBuildItem index, RetortBuildTimeConfig config, List<JdbcDataSourceBuildItem> dataSources,
            BuildProducer<RetortUnitBuildItem> units) {
        EntityDiscovery discovery = new EntityDiscovery(index.getIndex(), Thread.currentThread().getContextClassLoader());
        SortedMap<String, Optional<List<String>>> packagesByUnit = new TreeMap<>();
        packagesByUnit.put(RetortUnit.DEFAULT, config.units().get(RetortUnit.DEFAULT).packages());
        config.units().forEach((name, unit) -> packagesByUnit.put(name, unit.packages()));
        SortedMap<String, SortedSet<String>> assigned = UnitAssignment.assign(packagesByUnit, discovery.entityClassNames());
        if (assigned.isEmpty()) {
            LOG.warn("Retort found no @Entity class in the application or its indexed dependencies, so it registers no "
                    + "beans. To fix this, annotate your entity classes with @jakarta.persistence.Entity"
                    + (packagesByUnit.get(RetortUnit.DEFAULT).isPresent() ? " or correct quarkus.retort.packages" : "")
                    + "; classes in a dependency jar need a Jandex index (or quarkus.index-dependency.*).");
        }
        assigned.forEach((name, entities) -> {
            EntityDiscovery.UnitEntities checked = discovery.check(entities);
            RetortBuildTimeConfig.Unit unit = config.units().get(name);
            DataSourceResolution.Resolved resolved = new DataSourceResolution(name)
                    .resolve(unit.datasource(), unit.dialect(), dataSources);
            units.produce(new RetortUnitBuildItem(name, checked.tableByEntity(), checked.mappedSuperclassNames(),
                    checked.description(), resolved.dataSourceName(), resolved.dialectName()));
        });
    }

    @BuildStep
    void reflection(List<RetortUnitBuildItem> units, BuildProducer<ReflectiveClassBuildItem> reflective) {
        for (RetortUnitBuildItem unit : units) {
            reflective.produce(ReflectiveClassBuildItem.builder(unit.entityClassNames()).constructors().fields()
                    .reason("Retort entities: created and filled through reflection").build());
            if (!unit.mappedSuperclassNames().isEmpty()) {
                reflective.produce(ReflectiveClassBuildItem.builder(unit.mappedSuperclassNames()).fields()
                        .reason("Retort mapped superclasses: fields read and written through reflection").build());
            }
        }
    }

    @BuildStep
    void supportBeans(List<RetortUnitBuildItem> units, BuildProducer<AdditionalBeanBuildItem> beans) {
        if (!units.isEmpty()) {
            beans.produce(AdditionalBeanBuildItem.builder().addBeanClasses(RetortUnit.class).setUnremovable().build());
            // Core's class has no scope annotation, so that CDI containers that scan the core jar do not find it.
            beans.produce(AdditionalBeanBuildItem.builder().addBeanClasses(RequestReadSession.class)
                    .setDefaultScope(BuiltinScope.REQUEST.getName()).setUnremovable().build());
            // The read-only marker and its interceptor live in core's jar, which the application's index does not hold.
            beans.produce(AdditionalBeanBuildItem.builder().addBeanClasses(ReadOnlyTransaction.class,
                    ReadOnlyTransactionInterceptor.class).setUnremovable().build());
        }
    }

    /**
     * Each unit's model, bound during static initialization (a native image stores it) from the mapping the
     * build read and checked above, which is recorded as data: the start reads no annotation and repeats no
     * check. Metadata itself holds reflection handles and generated accessors, so it cannot be recorded.
     */
    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    void models(RetortModelRecorder recorder, RecorderContext context, List<RetortUnitBuildItem> units,
            BuildProducer<RetortModelBuildItem> models) throws NoSuchMethodException {
        // Both have a shorter constructor beside the canonical one, so the recorder is told which to use.
        context.registerNonDefaultConstructor(Table.class.getConstructor(String.class, List.class, List.class, List.class,
                List.class, Optional.class, List.class), table -> List.of(table.name(), table.columns(), table.primaryKey(),
                        table.uniqueConstraints(), table.indexes(), table.sequence(), table.foreignKeys()));
        context.registerNonDefaultConstructor(Index.class.getConstructor(String.class, List.class, boolean.class, boolean.class),
                index -> List.of(index.name(), index.columns(), index.unique(), index.forForeignKey()));
        for (RetortUnitBuildItem unit : units) {
            models.produce(new RetortModelBuildItem(unit.unitName(), recorder.checkedModel(unit.description())));
        }
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void beans(RetortRecorder recorder, List<RetortUnitBuildItem> units, List<RetortModelBuildItem> models,
            LaunchModeBuildItem launchMode, RetortBuildTimeConfig config, BuildProducer<SyntheticBeanBuildItem> beans) {
        Map<String, RetortModelBuildItem> modelByUnit = new TreeMap<>();
        models.forEach(model -> modelByUnit.put(model.unitName(), model));
        boolean devOrTest = launchMode.getLaunchMode().isDevOrTest();
        recorder.checkRunTimeUnits(units.stream().map(RetortUnitBuildItem::unitName).sorted().toList());
        for (RetortUnitBuildItem unit : units) {
            String name = unit.unitName();
            AnnotationInstance qualifier = AnnotationInstance.builder(RetortUnit.class).value(name).build();
            ClassType sessionFactoryType = classType(SessionFactory.class);
            beans.produce(bean(SessionFactory.class, qualifier).startup()
                    .createWith(recorder.sessionFactory(name, modelByUnit.get(name).model(), unit.dataSourceName(),
                            unit.dialectName(), devOrTest, config.metrics().enabled(), config.tracing().enabled()))
                    .destroyer(EngineCloser.class).done());
            beans.produce(bean(Metadata.class, qualifier).addInjectionPoint(sessionFactoryType, qualifier)
                    .createWith(recorder.metadata(name)).done());
            beans.produce(bean(Engine.class, qualifier).addInjectionPoint(sessionFactoryType, qualifier)
                    .createWith(recorder.engine(name)).done());
            beans.produce(bean(Session.class, qualifier).addInjectionPoint(sessionFactoryType, qualifier)
                    .addInjectionPoint(classType(TransactionSynchronizationRegistry.class))
                    .addInjectionPoint(classType(RequestReadSession.class))
                    .createWith(recorder.session(name)).done());
        }
    }

    /** A singleton bean of the unit, created at run time; the default unit's also answers to {@code @Default}. */
    private static ExtendedBeanConfigurator bean(Class<?> type, AnnotationInstance qualifier) {
        ExtendedBeanConfigurator bean = SyntheticBeanBuildItem.configure(type).scope(Singleton.class).unremovable()
                .setRuntimeInit().addQualifier(qualifier);
        if (UnitKeys.isDefault(qualifier.value().asString())) {
            bean.addQualifier(Default.class);
        }
        return bean;
    }

    private static ClassType classType(Class<?> type) {
        return ClassType.create(DotName.createSimple(type));
    }
}
