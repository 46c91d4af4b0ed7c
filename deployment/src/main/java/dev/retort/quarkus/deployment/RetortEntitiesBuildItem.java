package dev.retort.quarkus.deployment;

import java.util.List;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The classes Retort maps, found in the Jandex index and checked at build time: entity class names and
 * the {@code @MappedSuperclass} classes they inherit fields from, each sorted by name.
 */
public final class RetortEntitiesBuildItem extends SimpleBuildItem {
    private final List<String> entityClassNames;
    private final List<String> mappedSuperclassNames;

    public RetortEntitiesBuildItem(List<String> entityClassNames, List<String> mappedSuperclassNames) {
        this.entityClassNames = entityClassNames.stream().sorted().toList();
        this.mappedSuperclassNames = mappedSuperclassNames.stream().sorted().toList();
    }

    public List<String> entityClassNames() {
        return entityClassNames;
    }

    public List<String> mappedSuperclassNames() {
        return mappedSuperclassNames;
    }
}
