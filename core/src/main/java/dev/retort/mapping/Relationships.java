package dev.retort.mapping;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;

import dev.retort.MappingException;
import dev.retort.mapping.description.AttributeDescription;
import dev.retort.mapping.description.FieldRef;
import dev.retort.mapping.description.RelationshipDescription;
import dev.retort.sql.Column;
import dev.retort.sql.ColumnType;
import dev.retort.sql.ForeignKey;
import dev.retort.sql.Generation;
import dev.retort.sql.SqlType;
import dev.retort.sql.Table;

/**
 * Reads one relationship field into a {@link RelationshipModel}, with JPA's defaults: the foreign-key
 * column of a to-one is {@code <field>_<target id column>}, a join table is {@code <owner table>_<target
 * table>} with columns {@code <owner entity>_<id>} and {@code <field>_<target id>}. Reads the target's id
 * field directly rather than its model, so self-references and cycles between entities are fine.
 */
final class Relationships {
    private Relationships() {
    }

    /** The relationship a field declares, or null if it has no relationship annotation. */
    static RelationshipDescription read(Class<?> owner, String ownerTable, Field field) {
        ManyToOne manyToOne = field.getAnnotation(ManyToOne.class);
        OneToOne oneToOne = field.getAnnotation(OneToOne.class);
        OneToMany oneToMany = field.getAnnotation(OneToMany.class);
        ManyToMany manyToMany = field.getAnnotation(ManyToMany.class);
        long count = java.util.stream.Stream.of(manyToOne, oneToOne, oneToMany, manyToMany).filter(java.util.Objects::nonNull).count();
        if (count == 0) {
            return null;
        }
        String where = owner.getSimpleName() + "." + field.getName();
        if (count > 1) {
            throw new MappingException("Attribute " + where + " has more than one relationship annotation. To fix this, "
                    + "keep one of @ManyToOne, @OneToOne, @OneToMany, @ManyToMany.");
        }
        if (Modifier.isFinal(field.getModifiers())) {
            throw new MappingException("Relationship " + where + " is final, so Retort cannot set it when loading rows. "
                    + "To fix this, remove 'final'.");
        }
        if (manyToOne != null) {
            return toOne(owner, field, RelationshipModel.Kind.MANY_TO_ONE, manyToOne.targetEntity(), "",
                    manyToOne.cascade(), false, manyToOne.fetch(), manyToOne.optional());
        }
        if (oneToOne != null) {
            return toOne(owner, field, RelationshipModel.Kind.ONE_TO_ONE, oneToOne.targetEntity(), oneToOne.mappedBy(),
                    oneToOne.cascade(), oneToOne.orphanRemoval(), oneToOne.fetch(), oneToOne.optional());
        }
        if (oneToMany != null) {
            if (oneToMany.mappedBy().isEmpty()) {
                throw new MappingException("@OneToMany " + where + " has no mappedBy. Retort maps one-to-many as the "
                        + "inverse of a @ManyToOne on the element class (the foreign key lives in its table). To fix this, "
                        + "add @ManyToOne to the element class and name it here: @OneToMany(mappedBy = \"...\"), or use "
                        + "@ManyToMany for a join table.");
            }
            return toMany(owner, ownerTable, field, RelationshipModel.Kind.ONE_TO_MANY, oneToMany.targetEntity(),
                    oneToMany.mappedBy(), oneToMany.cascade(), oneToMany.orphanRemoval(), oneToMany.fetch());
        }
        return toMany(owner, ownerTable, field, RelationshipModel.Kind.MANY_TO_MANY, manyToMany.targetEntity(),
                manyToMany.mappedBy(), manyToMany.cascade(), false, manyToMany.fetch());
    }

    private static RelationshipDescription toOne(Class<?> owner, Field field, RelationshipModel.Kind kind, Class<?> declared,
                                           String mappedBy, CascadeType[] cascade, boolean orphanRemoval, FetchType fetch,
                                           boolean optional) {
        String where = owner.getSimpleName() + "." + field.getName();
        if (Collection.class.isAssignableFrom(field.getType())) {
            throw new MappingException(kind.annotation() + " " + where + " is a collection. To fix this, make its type the "
                    + "related entity class, or use @OneToMany / @ManyToMany for a collection.");
        }
        Class<?> target = declared != void.class ? declared : field.getType();
        requireEntity(where, kind, target);
        RelationshipModel.Cascades cascades = cascades(cascade, orphanRemoval);
        boolean eager = fetch == FetchType.EAGER;
        if (!mappedBy.isEmpty()) {
            if (field.isAnnotationPresent(JoinColumn.class)) {
                throw new MappingException(kind.annotation() + " " + where + " has both mappedBy and @JoinColumn. The "
                        + "foreign key belongs to the owning side. To fix this, remove @JoinColumn here, or remove mappedBy.");
            }
            return new RelationshipDescription(owner, FieldRef.of(field), kind, target, Optional.of(mappedBy), false, cascades,
                    eager, "", Optional.empty(), Optional.empty());
        }
        if (!eager) {
            requireProxyable(where, kind, target);
        }
        Field targetId = EntityMappings.idField(target);
        JoinColumn joinColumn = field.getAnnotation(JoinColumn.class);
        String name = joinColumn != null && !joinColumn.name().isEmpty() ? joinColumn.name()
                : EntityMappings.snakeCase(field.getName()) + "_" + EntityMappings.columnName(targetId);
        boolean nullable = optional && (joinColumn == null || joinColumn.nullable());
        boolean unique = kind == RelationshipModel.Kind.ONE_TO_ONE || joinColumn != null && joinColumn.unique();
        Column column = new Column(name, keyType(targetId), nullable, unique, Generation.NONE);
        AttributeDescription attribute = new AttributeDescription(FieldRef.of(field), column,
                AttributeDescription.EnumStorage.NONE, Optional.of(FieldRef.of(targetId)));
        return new RelationshipDescription(owner, FieldRef.of(field), kind, target, Optional.empty(), false, cascades, eager,
                "", Optional.of(attribute), Optional.empty());
    }

    private static RelationshipDescription toMany(Class<?> owner, String ownerTable, Field field, RelationshipModel.Kind kind,
                                            Class<?> declared, String mappedBy, CascadeType[] cascade,
                                            boolean orphanRemoval, FetchType fetch) {
        String where = owner.getSimpleName() + "." + field.getName();
        Class<?> type = field.getType();
        if (type != List.class && type != Set.class && type != Collection.class) {
            throw new MappingException(kind.annotation() + " " + where + " has type " + type.getName() + ". To fix this, "
                    + "declare it as a java.util.List, Set or Collection of the related entity.");
        }
        Class<?> target = declared != void.class ? declared : elementType(field);
        if (target == null) {
            throw new MappingException(kind.annotation() + " " + where + " does not say which entity it holds. To fix "
                    + "this, give the collection its element type (List<Post>), or set targetEntity.");
        }
        requireEntity(where, kind, target);
        OrderBy orderBy = field.getAnnotation(OrderBy.class);
        RelationshipModel.JoinTable joinTable = null;
        if (kind == RelationshipModel.Kind.MANY_TO_MANY && mappedBy.isEmpty()) {
            joinTable = joinTable(owner, ownerTable, field, target);
        }
        return new RelationshipDescription(owner, FieldRef.of(field), kind, target,
                mappedBy.isEmpty() ? Optional.empty() : Optional.of(mappedBy), type == Set.class,
                cascades(cascade, orphanRemoval), fetch == FetchType.EAGER, orderBy == null ? "" : orderBy.value().trim(),
                Optional.empty(), Optional.ofNullable(joinTable));
    }

    private static RelationshipModel.JoinTable joinTable(Class<?> owner, String ownerTable, Field field, Class<?> target) {
        JoinTable annotation = field.getAnnotation(JoinTable.class);
        Field ownerId = EntityMappings.idField(owner);
        Field targetId = EntityMappings.idField(target);
        String targetTable = InheritanceReader.tableName(target);
        String name = annotation != null && !annotation.name().isEmpty() ? annotation.name() : ownerTable + "_" + targetTable;
        String ownerColumn = annotation != null && annotation.joinColumns().length > 0 && !annotation.joinColumns()[0].name().isEmpty()
                ? annotation.joinColumns()[0].name()
                : EntityMappings.snakeCase(owner.getSimpleName()) + "_" + EntityMappings.columnName(ownerId);
        String targetColumn = annotation != null && annotation.inverseJoinColumns().length > 0
                && !annotation.inverseJoinColumns()[0].name().isEmpty() ? annotation.inverseJoinColumns()[0].name()
                : EntityMappings.snakeCase(field.getName()) + "_" + EntityMappings.columnName(targetId);
        if (ownerColumn.equals(targetColumn)) {
            throw new MappingException("The join table " + name + " of " + owner.getSimpleName() + "." + field.getName()
                    + " would have two columns named " + ownerColumn + ". To fix this, name them with "
                    + "@JoinTable(joinColumns = @JoinColumn(name = ...), inverseJoinColumns = @JoinColumn(name = ...)).");
        }
        Table table = new Table(name, List.of(new Column(ownerColumn, keyType(ownerId), false, false, Generation.NONE),
                new Column(targetColumn, keyType(targetId), false, false, Generation.NONE)), List.of(ownerColumn, targetColumn),
                List.of(), List.of(), java.util.Optional.empty(),
                List.of(new ForeignKey(List.of(ownerColumn), ownerTable, List.of(EntityMappings.columnName(ownerId))),
                        new ForeignKey(List.of(targetColumn), targetTable, List.of(EntityMappings.columnName(targetId)))));
        table = EntityMappings.foreignKeyIndexes(table);
        return new RelationshipModel.JoinTable(table, ownerColumn, targetColumn);
    }

    /** The column type of a key referencing {@code idField}'s column. */
    private static ColumnType keyType(Field idField) {
        SqlType type = JavaTypes.columnType(idField.getType());
        if (type == null) {
            throw new MappingException("The @Id " + idField.getDeclaringClass().getSimpleName() + "." + idField.getName()
                    + " has a type Retort cannot reference (" + idField.getType().getName() + "). To fix this, use a "
                    + "Long, Integer, String or UUID id.");
        }
        jakarta.persistence.Column column = idField.getAnnotation(jakarta.persistence.Column.class);
        int length = type == SqlType.VARCHAR ? (column != null ? column.length() : 255) : 0;
        int precision = type == SqlType.DECIMAL ? 38 : 0;
        return new ColumnType(type, length, precision, 0);
    }

    /**
     * A lazy to-one target is stood for by a generated subclass until first used, so the class must let a
     * subclass intercept every way in: not final, no final methods, a non-private no-argument constructor,
     * and private fields only (a field read from outside would see the empty stand-in, not the row).
     */
    static void requireProxyable(String where, RelationshipModel.Kind kind, Class<?> target) {
        String problem = null;
        if (Modifier.isFinal(target.getModifiers())) {
            problem = target.getSimpleName() + " is final";
        }
        if (problem == null) {
            try {
                if (Modifier.isPrivate(target.getDeclaredConstructor().getModifiers())) {
                    problem = "its no-argument constructor is private";
                }
            } catch (NoSuchMethodException e) {
                problem = "it has no no-argument constructor";
            }
        }
        List<String> finalMethods = new java.util.ArrayList<>();
        List<String> openFields = new java.util.ArrayList<>();
        for (Class<?> type = target; type != null && type != Object.class; type = type.getSuperclass()) {
            for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
                int modifiers = method.getModifiers();
                if (Modifier.isFinal(modifiers) && !Modifier.isPrivate(modifiers) && !Modifier.isStatic(modifiers)) {
                    finalMethods.add(method.getName() + "()");
                }
            }
            for (Field field : EntityMappings.persistentFields(type)) {
                if (field.getDeclaringClass() == type && !Modifier.isPrivate(field.getModifiers())) {
                    openFields.add(field.getName());
                }
            }
        }
        if (problem == null && !finalMethods.isEmpty()) {
            problem = "it has final methods (" + String.join(", ", finalMethods) + ")";
        }
        if (problem == null && !openFields.isEmpty()) {
            problem = "its fields " + String.join(", ", openFields) + " are not private, so code could read them before "
                    + "the row is loaded";
        }
        if (problem != null) {
            throw new MappingException(kind.annotation() + "(fetch = LAZY) " + where + " is loaded on first use through a "
                    + "generated subclass of " + target.getSimpleName() + ", but " + problem + ". To fix this, make "
                    + target.getSimpleName() + " non-final with private fields read through methods and a protected "
                    + "no-argument constructor, or make the relationship EAGER.");
        }
    }

    private static void requireEntity(String where, RelationshipModel.Kind kind, Class<?> target) {
        if (!target.isAnnotationPresent(Entity.class)) {
            throw new MappingException(kind.annotation() + " " + where + " refers to " + target.getName() + ", which is "
                    + "not an entity. To fix this, annotate " + target.getSimpleName() + " with @Entity, or map the "
                    + "field as a plain column.");
        }
    }

    private static Class<?> elementType(Field field) {
        Type generic = field.getGenericType();
        if (generic instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length == 1
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }

    private static RelationshipModel.Cascades cascades(CascadeType[] cascade, boolean orphanRemoval) {
        List<CascadeType> types = Arrays.asList(cascade);
        boolean all = types.contains(CascadeType.ALL);
        return new RelationshipModel.Cascades(all || types.contains(CascadeType.PERSIST),
                all || types.contains(CascadeType.MERGE), all || types.contains(CascadeType.REMOVE) || orphanRemoval,
                orphanRemoval);
    }
}
