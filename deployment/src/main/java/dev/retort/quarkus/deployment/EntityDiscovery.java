package dev.retort.quarkus.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

/**
 * Finds the entities in the Jandex index and reads their mapping with core's mapping code, so that a
 * mistake fails the build rather than the start. Classes are loaded (not initialized) from the build's
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

    /**
     * The entities in the given packages (all when the list is empty) and the mapped superclasses they
     * extend; throws {@link MappingException} naming the class and the fix when a mapping is wrong or a
     * hierarchy is only partly indexed.
     */
    RetortEntitiesBuildItem discover(List<String> packages) {
        TreeSet<String> entities = new TreeSet<>();
        for (AnnotationInstance annotation : index.getAnnotations(ENTITY)) {
            if (annotation.target().kind() == AnnotationTarget.Kind.CLASS) {
                ClassInfo type = annotation.target().asClass();
                if (inPackages(type.name().toString(), packages)) {
                    entities.add(type.name().toString());
                }
            }
        }
        TreeSet<String> mappedSuperclasses = new TreeSet<>();
        for (String entity : entities) {
            mappedSuperclasses.addAll(indexedAncestors(index.getClassByName(entity)));
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String entity : entities) {
            classes.add(load(entity));
        }
        Metadata.of(classes);
        return new RetortEntitiesBuildItem(new ArrayList<>(entities), new ArrayList<>(mappedSuperclasses));
    }

    private static boolean inPackages(String className, List<String> packages) {
        return packages.isEmpty() || packages.stream().anyMatch(name -> className.startsWith(name + "."));
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

    private Class<?> load(String className) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MappingException("Retort cannot load " + className + " at build time to read its mapping: " + e
                    + ". To fix this, make sure the classes it refers to are on the application's class path.", e);
        }
    }
}
