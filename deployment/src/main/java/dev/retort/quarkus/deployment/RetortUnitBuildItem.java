package dev.retort.quarkus.deployment;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.retort.mapping.description.MetadataDescription;
import io.quarkus.builder.item.MultiBuildItem;

/**
 * One Retort unit, settled and checked at build time: its name, its entities with their tables, the
 * {@code @MappedSuperclass} classes they inherit fields from, its checked mapping, its datasource and its
 * dialect. Collections are sorted by class name (the mapping's entities in table-creation order, found from
 * the sorted classes), so that what is recorded is the same from build to build.
 */
public final class RetortUnitBuildItem extends MultiBuildItem {
    private final String unitName;
    private final SortedMap<String, String> tableByEntity;
    private final List<String> mappedSuperclassNames;
    private final MetadataDescription description;
    private final String dataSourceName;
    private final String dialectName;

    public RetortUnitBuildItem(String unitName, SortedMap<String, String> tableByEntity, List<String> mappedSuperclassNames,
            MetadataDescription description, String dataSourceName, String dialectName) {
        this.description = description;
        this.unitName = unitName;
        this.tableByEntity = new TreeMap<>(tableByEntity);
        this.mappedSuperclassNames = mappedSuperclassNames.stream().sorted().toList();
        this.dataSourceName = dataSourceName;
        this.dialectName = dialectName;
    }

    /** The unit's name, {@link dev.retort.quarkus.RetortUnit#DEFAULT} for the default unit. */
    public String unitName() {
        return unitName;
    }

    public List<String> entityClassNames() {
        return List.copyOf(tableByEntity.keySet());
    }

    /** The table of each entity class, by class name. */
    public SortedMap<String, String> tableByEntity() {
        return tableByEntity;
    }

    public List<String> mappedSuperclassNames() {
        return mappedSuperclassNames;
    }

    /** The unit's mapping as the build read and checked it, which static initialization binds. */
    public MetadataDescription description() {
        return description;
    }

    /** The datasource's name, {@code <default>} for the default datasource. */
    public String dataSourceName() {
        return dataSourceName;
    }

    /** A name {@link dev.retort.dialect.Dialects#byName} knows. */
    public String dialectName() {
        return dialectName;
    }
}
