package dev.retort.mapping.description;

import java.util.List;

/**
 * The checked mapping of a set of entities, as {@link dev.retort.Metadata#description()} gives it: each
 * entity's, in table-creation order. {@link dev.retort.Metadata#bind} makes a Metadata of it again.
 */
public record MetadataDescription(List<EntityDescription> entities) {
    public MetadataDescription {
        entities = List.copyOf(entities);
    }
}
