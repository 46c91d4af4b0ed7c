package dev.retort.mapping.description;

import java.util.List;
import java.util.Optional;

import dev.retort.mapping.IdGeneration;
import dev.retort.mapping.InheritanceModel;
import dev.retort.sql.Table;

/**
 * One entity's checked mapping: its table, its attributes in column order (the id first), which of them is
 * the id and which the version, how ids are generated, its relationships in declaration order and where it
 * sits in an entity hierarchy, and what it declares about a discriminator.
 */
public record EntityDescription(Class<?> javaType, Table table, List<AttributeDescription> attributes, String idAttribute,
                                Optional<String> versionAttribute, IdGeneration idGeneration,
                                List<RelationshipDescription> relationships, Optional<InheritanceModel> inheritance,
                                DiscriminatorDeclaration discriminator) {
    public EntityDescription {
        attributes = List.copyOf(attributes);
        relationships = List.copyOf(relationships);
    }
}
