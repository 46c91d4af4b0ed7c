package dev.retort.quarkus.deployment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

import dev.retort.MappingException;
import dev.retort.Metadata;
import dev.retort.boot.UnitStarter;
import dev.retort.mapping.EntityModel;
import dev.retort.mapping.description.MetadataDescription;

/**
 * Finds the entities in the Jandex index and checks each unit's mapping with the check core's
 * {@link UnitStarter} runs for every container, so that a mistake fails the build rather than the start. Classes are loaded (not initialized) from the build's
 * class loader for that. Used once per build.
 */
final class EntityDiscovery {
    static final DotName ENTITY = DotName.createSimple(Entity.class);
    static final DotName MAPPED_SUPERCLASS = DotName.createSimple(MappedSuperclass.class);
    private static final DotName OBJECT = DotName.createSimple(Object.class);

    private final IndexView index;
    private final ClassLoader loader;

    EntityDiscovery(IndexView index, ClassLoader loader) {
        this.index = index;
        this.loader = loader;
    }

    /** Every {@code @Entity} class in the index, by name, sorted. */
    SortedSet<String> entityClassNames() {
        TreeSet<String> entities = new TreeSet<>();
        for (AnnotationInstance annotation : index.getAnnotations(ENTITY)) {
            if (annotation.target().kind() == AnnotationTarget.Kind.CLASS) {
                entities.add(annotation.target().asClass().name().toString());
            }
        }
        return entities;
    }

    /**
     * Reads the mapping of one unit's entities together (so that a relationship to an entity outside the
     * unit fails here) and finds the mapped superclasses they extend; throws {@link MappingException} naming
     * the class and the fix when a mapping is wrong or a hierarchy is only partly indexed.
     */
    UnitEntities check(Collection<String> entityClassNames) {
        TreeSet<String> mappedSuperclasses = new TreeSet<>();
        for (String entity : entityClassNames) {
            mappedSuperclasses.addAll(indexedAncestors(index.getClassByName(entity)));
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String entity : entityClassNames) {
            classes.add(load(entity));
        }
        Metadata checked = UnitStarter.checkedModel(classes);
        TreeMap<String, String> tableByEntity = new TreeMap<>();
        for (EntityModel model : checked.models()) {
            tableByEntity.put(model.javaType().getName(), model.table().name());
        }
        return new UnitEntities(tableByEntity, new ArrayList<>(mappedSuperclasses), checked.description());
    }

    /**
     * A unit's entities by class name with their tables, the mapped superclasses they extend, sorted, and the
     * checked mapping that static initialization binds.
     */
    record UnitEntities(SortedMap<String, String> tableByEntity, List<String> mappedSuperclassNames,
            MetadataDescription description) {
    }

    /**
     * The {@code @MappedSuperclass} ancestors of an entity, checking that every ancestor whose annotations
     * the mapping reads is in the index.
     */
    private List<String> indexedAncestors(ClassInfo entity) {
        List<String> mapped = new ArrayList<>();
        DotName parentName = entity.superName();
        while (parentName != null && !parentName.equals(OBJECT)) {
            ClassInfo parent = index.getClassByName(parentName);
            if (parent == null) {
                Optional<String> annotation = mappingAnnotation(load(parentName.toString()));
                if (annotation.isPresent()) {
                    throw new MappingException("Entity " + entity.name() + " extends " + parentName + ", which is annotated "
                            + annotation.get() + " but is not in the Jandex index, so Retort cannot register its mapping at "
                            + "build time. To fix this, index the jar that contains " + parentName + ": build it with the "
                            + "io.smallrye:jandex-maven-plugin, or add quarkus.index-dependency.<name>.group-id and "
                            + "quarkus.index-dependency.<name>.artifact-id for it to application.properties.");
                }
                break;
            }
            if (parent.hasDeclaredAnnotation(MAPPED_SUPERCLASS)) {
                mapped.add(parentName.toString());
            }
            parentName = parent.superName();
        }
        return mapped;
    }

    private static Optional<String> mappingAnnotation(Class<?> type) {
        if (type.isAnnotationPresent(MappedSuperclass.class)) {
            return Optional.of("@MappedSuperclass");
        }
        if (type.isAnnotationPresent(Entity.class)) {
            return Optional.of("@Entity");
        }
        return Optional.empty();
    }

    Class<?> load(String className) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MappingException("Retort cannot load " + className + " at build time to read its mapping: " + e
                    + ". To fix this, make sure the classes it refers to are on the application's class path.", e);
        }
    }
}
