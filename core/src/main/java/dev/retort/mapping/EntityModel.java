package dev.retort.mapping;

import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.retort.MappingException;
import dev.retort.RetortException;
import dev.retort.mapping.description.EntityDescription;
import dev.retort.sql.Table;

/**
 * The mapping of one entity class, read once from its annotations: its table, its persistent
 * attributes in column order, its id and how ids are generated, its optional version attribute.
 * Immutable and thread-safe; obtain one with {@link EntityMappings#of(Class)}.
 */
public final class EntityModel {
    private final Class<?> javaType;
    private final Table table;
    private final List<AttributeModel> attributes;
    private final AttributeModel id;
    private final Optional<AttributeModel> version;
    private final IdGeneration idGeneration;
    private final java.util.function.Supplier<Object> instantiator;
    private final List<RelationshipModel> relationships;
    private final Optional<InheritanceModel> inheritance;
    private final EntityFields fields;

    private final EntityDescription description;

    /** Binds a description: the attributes and relationships bound from its own, in its order. */
    EntityModel(EntityDescription description, List<AttributeModel> attributes, AttributeModel id,
                Optional<AttributeModel> version, Constructor<?> constructor, List<RelationshipModel> relationships) {
        this.description = description;
        this.inheritance = description.inheritance();
        this.javaType = description.javaType();
        this.table = description.table();
        this.attributes = List.copyOf(attributes);
        this.id = id;
        this.version = version;
        this.idGeneration = description.idGeneration();
        this.instantiator = Instantiator.of(constructor);
        this.relationships = List.copyOf(relationships);
        this.fields = EntityFields.of(this.attributes);
    }

    /** Writes rows into instances and compares instances with snapshots, all attributes at once. */
    public EntityFields fields() {
        return fields;
    }

    /** The checked mapping this model was bound from (what a container's build can keep). */
    public EntityDescription description() {
        return description;
    }

    /** The relationship attributes, in declaration order (to-one owning sides also have a column attribute). */
    public List<RelationshipModel> relationships() {
        return relationships;
    }

    public Optional<RelationshipModel> relationship(String name) {
        for (RelationshipModel relationship : relationships) {
            if (relationship.name().equals(name)) {
                return Optional.of(relationship);
            }
        }
        return Optional.empty();
    }

    /** The join tables of the many-to-many relationships this entity owns. */
    public List<Table> joinTables() {
        return relationships.stream().filter(relationship -> relationship.joinTable() != null)
                .map(relationship -> relationship.joinTable().table()).toList();
    }

    public Class<?> javaType() {
        return javaType;
    }

    /** The simple class name, as used in messages ("User#1"). */
    public String entityName() {
        return javaType.getSimpleName();
    }

    public Table table() {
        return table;
    }

    /** Every persistent attribute, in the order of the table's columns (the id first). */
    public List<AttributeModel> attributes() {
        return attributes;
    }

    public AttributeModel id() {
        return id;
    }

    public Optional<AttributeModel> version() {
        return version;
    }

    public IdGeneration idGeneration() {
        return idGeneration;
    }

    /** Where the entity sits in an entity hierarchy; empty for an entity that extends none and declares no @Inheritance. */
    public Optional<InheritanceModel> inheritance() {
        return inheritance;
    }

    /** The table holding the attribute's column: the entity's table, except for attributes inherited under JOINED. */
    public String tableOf(AttributeModel attribute) {
        if (inheritance.isPresent() && inheritance.get().joined()) {
            return inheritance.get().attributeTables().getOrDefault(attribute.name(), table.name());
        }
        return table.name();
    }

    public Optional<AttributeModel> attribute(String name) {
        for (AttributeModel attribute : attributes) {
            if (attribute.name().equals(name)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }

    /** The attribute, or a {@link MappingException} that lists the entity's attributes. */
    public AttributeModel requireAttribute(String name) {
        return attribute(name).orElseThrow(() -> new MappingException(entityName() + " has no attribute '" + name
                + "'. Its attributes are: " + attributeNames() + ". To fix this, use one of these field names "
                + "(names of Java fields, not of columns)."));
    }

    public String attributeNames() {
        return attributes.stream().map(AttributeModel::name).collect(Collectors.joining(", "));
    }

    public Object newInstance() {
        try {
            return instantiator.get();
        } catch (Exception e) {
            // What the constructor threw (or, reflectively, why it could not run), as it was thrown.
            throw new RetortException("Cannot instantiate " + javaType.getName() + " through its no-argument constructor: "
                    + e, e);
        }
    }

    @Override
    public String toString() {
        return "EntityModel[" + javaType.getName() + " -> " + table.name() + "]";
    }
}
