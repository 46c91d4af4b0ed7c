package dev.retort.mapping;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import dev.retort.MappingException;
import dev.retort.mapping.description.AttributeDescription;
import dev.retort.mapping.description.EntityDescription;
import dev.retort.mapping.description.FieldRef;
import dev.retort.mapping.description.RelationshipDescription;
import dev.retort.sql.Column;
import dev.retort.sql.ColumnType;
import dev.retort.sql.ForeignKey;
import dev.retort.sql.Generation;
import dev.retort.sql.Index;
import dev.retort.sql.Sequence;
import dev.retort.sql.SqlType;
import dev.retort.sql.Table;

/**
 * Reads entity mappings from standard {@code jakarta.persistence} annotations, once per class (cached in
 * a {@link ClassValue}, so classes can still be unloaded). Field access; default names are the Java
 * names in snake_case ({@code firstName} becomes {@code first_name}, {@code OrderLine} becomes
 * {@code order_line}), as SQLAlchemy users expect and so that no name needs quoting.
 *
 * <p>In two phases, as Hibernate's boot and runtime models: {@link #describe} reads the annotations and
 * checks them into an {@link EntityDescription} of plain data; {@link #bind} makes the {@link EntityModel}
 * of a description (fields, constructor, generated accessors) without reading an annotation. {@link #of} is
 * both; a container that kept the descriptions from its build binds them instead.
 */
public final class EntityMappings {
    /** Each class's model once read or bound; empty until then. */
    private static final ClassValue<AtomicReference<EntityModel>> CACHE = new ClassValue<>() {
        @Override
        protected AtomicReference<EntityModel> computeValue(Class<?> type) {
            return new AtomicReference<>();
        }
    };

    private static final AtomicLong DESCRIBED = new AtomicLong();

    private EntityMappings() {
    }

    /** The mapping of {@code type}; a {@link MappingException} naming the class and the fix if it has none. */
    public static EntityModel of(Class<?> type) {
        AtomicReference<EntityModel> slot = CACHE.get(type);
        EntityModel model = slot.get();
        if (model == null) {
            slot.compareAndSet(null, bindUncached(describe(type)));
            model = slot.get();
        }
        return model;
    }

    /**
     * The model of a description made by {@link #describe} (here or in a build), which {@link #of} then
     * returns for its class; the class's model as it is when one was read or bound before. Reads no annotation
     * and checks nothing: the description was checked when it was made.
     */
    public static EntityModel bind(EntityDescription description) {
        AtomicReference<EntityModel> slot = CACHE.get(description.javaType());
        EntityModel model = slot.get();
        if (model == null) {
            slot.compareAndSet(null, bindUncached(description));
            model = slot.get();
        }
        return model;
    }

    private static EntityModel bindUncached(EntityDescription description) {
        Map<String, AttributeModel> attributes = new LinkedHashMap<>();
        description.attributes().forEach(attribute -> attributes.put(attribute.name(), new AttributeModel(attribute)));
        List<RelationshipModel> relationships = new ArrayList<>();
        for (RelationshipDescription relationship : description.relationships()) {
            relationships.add(new RelationshipModel(relationship,
                    relationship.joinColumn().map(joinColumn -> attributes.get(joinColumn.name())).orElse(null)));
        }
        return new EntityModel(description, List.copyOf(attributes.values()), attributes.get(description.idAttribute()),
                description.versionAttribute().map(attributes::get), constructor(description.javaType()), relationships);
    }

    /**
     * How many entity classes this copy of Retort has read from annotations ({@link #describe}): for tests
     * that check a container binds the descriptions its build made instead of reading the classes again.
     */
    public static long describedCount() {
        return DESCRIBED.get();
    }

    public static boolean isEntity(Class<?> type) {
        return type.isAnnotationPresent(Entity.class);
    }

    /**
     * Reads and checks the mapping of {@code type} (the first phase); a {@link MappingException} naming the class
     * and the fix when it is wrong. Not cached: {@link #of} keeps the model.
     */
    public static EntityDescription describe(Class<?> type) {
        DESCRIBED.incrementAndGet();
        if (!type.isAnnotationPresent(Entity.class)) {
            throw new MappingException(type.getName() + " is not an entity: it has no @jakarta.persistence.Entity "
                    + "annotation. To fix this, annotate the class with @Entity (and @Table to name its table), "
                    + "and list it in Metadata.of(...).");
        }
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            throw new MappingException("Entity " + type.getName() + " is an inner class, so it cannot be created "
                    + "without an instance of " + type.getEnclosingClass().getSimpleName() + ". To fix this, declare "
                    + "it static (or move it to a file of its own).");
        }
        InheritanceReader.check(type);
        if (type.isAnnotationPresent(IdClass.class)) {
            throw new MappingException("Entity " + type.getName() + " uses @IdClass; composite keys are not supported "
                    + "by this version of Retort. To fix this, give it a single @Id field.");
        }
        String tableName = InheritanceReader.tableName(type);
        List<Field> fields = persistentFields(type);
        List<AttributeDescription> attributes = new ArrayList<>();
        AttributeDescription id = null;
        AttributeDescription version = null;
        IdGeneration generation = IdGeneration.ASSIGNED;
        Optional<Sequence> sequence = Optional.empty();
        List<RelationshipDescription> relationships = new ArrayList<>();
        for (Field field : fields) {
            RelationshipDescription relationship = Relationships.read(type, tableName, field);
            if (relationship != null) {
                relationships.add(relationship);
                relationship.joinColumn().ifPresent(attributes::add);
                continue;
            }
            boolean isId = field.isAnnotationPresent(Id.class);
            if (isId && id != null) {
                throw new MappingException("Entity " + type.getName() + " has two @Id fields, " + id.name() + " and "
                        + field.getName() + "; composite keys are not supported by this version of Retort. "
                        + "To fix this, keep a single @Id field.");
            }
            IdGeneration fieldGeneration = isId ? idGeneration(type, field) : IdGeneration.ASSIGNED;
            InheritanceReader.checkGeneration(type, field, fieldGeneration);
            AttributeDescription attribute = attribute(type, field, isId, fieldGeneration);
            if (isId) {
                id = attribute;
                generation = fieldGeneration;
                if (generation == IdGeneration.SEQUENCE) {
                    sequence = Optional.of(sequence(field, tableName(InheritanceReader.root(type))));
                }
                attributes.add(0, attribute);
            } else {
                attributes.add(attribute);
            }
            if (field.isAnnotationPresent(Version.class)) {
                version = attribute;
            }
        }
        if (id == null) {
            throw new MappingException("Entity " + type.getName() + " has no @Id attribute. To fix this, annotate "
                    + "its primary-key field with @jakarta.persistence.Id (and @GeneratedValue to let the database "
                    + "assign it).");
        }
        List<Column> columns = attributes.stream().map(AttributeDescription::column).toList();
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (RelationshipDescription relationship : relationships) {
            // A TABLE_PER_CLASS target has rows in several tables: no single table for a constraint to reference.
            if (relationship.joinColumn().isPresent() && InheritanceReader.strategy(InheritanceReader.root(relationship.target()))
                    != jakarta.persistence.InheritanceType.TABLE_PER_CLASS) {
                foreignKeys.add(new ForeignKey(List.of(relationship.joinColumn().get().column().name()),
                        InheritanceReader.tableName(relationship.target()), List.of(idColumnName(relationship.target()))));
            }
        }
        Table table = foreignKeyIndexes(new Table(tableName, columns, List.of(id.column().name()),
                uniqueConstraints(type, tableName, columns), indexes(type, tableName, columns), sequence, foreignKeys));
        Optional<InheritanceModel> inheritance = InheritanceReader.read(type, attributes, id, sequence,
                (level, name, levelColumns, key, levelSequence, levelKeys) -> foreignKeyIndexes(new Table(name, levelColumns,
                        List.of(key), uniqueConstraints(level, name, levelColumns), indexes(level, name, levelColumns),
                        levelSequence, withReferences(levelKeys, foreignKeys, levelColumns))));
        if (inheritance.isPresent() && inheritance.get().joined()) {
            table = inheritance.get().joinedTables().get(inheritance.get().joinedTables().size() - 1);
        }
        constructor(type);
        return new EntityDescription(type, table, attributes, id.name(),
                Optional.ofNullable(version).map(AttributeDescription::name), generation, relationships, inheritance,
                Hierarchy.declaredDiscriminator(type));
    }

    /**
     * The table with an index on each foreign key's columns that nothing indexes yet (the primary key, a
     * unique column or constraint, or an index starting with them): select-in and lazy loads query by those
     * columns, and without an index each such query reads the whole table. Named {@code ix_<table>_<columns>}.
     */
    static Table foreignKeyIndexes(Table table) {
        List<Index> indexes = new ArrayList<>(table.indexes());
        for (ForeignKey foreignKey : table.foreignKeys()) {
            List<String> keyColumns = foreignKey.columns();
            boolean covered = startsWith(table.primaryKey(), keyColumns)
                    || keyColumns.size() == 1 && table.column(keyColumns.get(0)).unique()
                    || table.uniqueConstraints().stream().anyMatch(unique -> startsWith(unique, keyColumns))
                    || indexes.stream().anyMatch(index -> startsWith(index.columns(), keyColumns));
            if (!covered) {
                indexes.add(new Index("ix_" + table.name() + "_" + String.join("_", keyColumns), keyColumns, false, true));
            }
        }
        return indexes.size() == table.indexes().size() ? table : new Table(table.name(), table.columns(),
                table.primaryKey(), table.uniqueConstraints(), indexes, table.sequence(), table.foreignKeys());
    }

    private static boolean startsWith(List<String> columns, List<String> prefix) {
        return columns.size() >= prefix.size() && columns.subList(0, prefix.size()).equals(prefix);
    }

    /** A JOINED level table's keys: its own (to the parent table) and those of the relationships whose columns it has. */
    private static List<ForeignKey> withReferences(List<ForeignKey> levelKeys, List<ForeignKey> references, List<Column> columns) {
        List<ForeignKey> keys = new ArrayList<>(levelKeys);
        for (ForeignKey reference : references) {
            if (columns.stream().anyMatch(column -> reference.columns().contains(column.name()))) {
                keys.add(reference);
            }
        }
        return keys;
    }

    static String tableName(Class<?> type) {
        jakarta.persistence.Table table = type.getAnnotation(jakarta.persistence.Table.class);
        if (table != null && !table.name().isEmpty()) {
            return table.name();
        }
        String entityName = type.getAnnotation(Entity.class).name();
        return snakeCase(entityName.isEmpty() ? type.getSimpleName() : entityName);
    }

    /** Fields of the class and its {@code @MappedSuperclass} and {@code @Entity} ancestors, superclass fields first. */
    static List<Field> persistentFields(Class<?> type) {
        Deque<Class<?>> hierarchy = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c == type || c.isAnnotationPresent(MappedSuperclass.class) || c.isAnnotationPresent(Entity.class)) {
                hierarchy.push(c);
            }
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
                        || field.isAnnotationPresent(Transient.class)) {
                    continue;
                }
                fields.add(field);
            }
        }
        return fields;
    }

    private static AttributeDescription attribute(Class<?> type, Field field, boolean isId, IdGeneration generation) {
        rejectUnsupportedAnnotations(type, field);
        Class<?> javaType = field.getType();
        if (Modifier.isFinal(field.getModifiers())) {
            throw new MappingException("Attribute " + type.getSimpleName() + "." + field.getName() + " is final, so "
                    + "Retort cannot set it when loading rows. To fix this, remove 'final' or mark the field @Transient.");
        }
        if (!isId && field.isAnnotationPresent(GeneratedValue.class)) {
            throw new MappingException("Attribute " + type.getSimpleName() + "." + field.getName() + " is annotated "
                    + "@GeneratedValue but is not the @Id; Retort generates only ids. To fix this, remove @GeneratedValue "
                    + "or move it to the @Id field.");
        }
        if (!javaType.isEnum() && field.isAnnotationPresent(Enumerated.class)) {
            throw new MappingException("Attribute " + type.getSimpleName() + "." + field.getName() + " is annotated "
                    + "@Enumerated but has type " + javaType.getName() + ", which is not an enum. To fix this, remove "
                    + "@Enumerated or change the field's type to an enum.");
        }
        jakarta.persistence.Column annotation = field.getAnnotation(jakarta.persistence.Column.class);
        AttributeDescription.EnumStorage enumStorage = AttributeDescription.EnumStorage.NONE;
        SqlType sqlType = JavaTypes.columnType(javaType);
        if (javaType.isEnum()) {
            Enumerated enumerated = field.getAnnotation(Enumerated.class);
            boolean byName = enumerated != null && enumerated.value() == EnumType.STRING;
            enumStorage = byName ? AttributeDescription.EnumStorage.NAME : AttributeDescription.EnumStorage.ORDINAL;
            sqlType = byName ? SqlType.VARCHAR : SqlType.INTEGER;
        }
        if (sqlType == null) {
            throw new MappingException("Attribute " + type.getSimpleName() + "." + field.getName() + " has type "
                    + field.getGenericType().getTypeName() + ", which Retort cannot map to a column. Supported types: "
                    + JavaTypes.SUPPORTED + ". To fix this, change the field's type, or mark it @Transient if it "
                    + "is not stored.");
        }
        if (field.isAnnotationPresent(Version.class) && !isVersionType(javaType)) {
            throw new MappingException("@Version attribute " + type.getSimpleName() + "." + field.getName() + " has type "
                    + javaType.getName() + ". To fix this, make it a long, int or short (primitive or boxed).");
        }
        String columnName = annotation != null && !annotation.name().isEmpty() ? annotation.name() : snakeCase(field.getName());
        boolean nullable = !isId && !javaType.isPrimitive() && (annotation == null || annotation.nullable())
                && !field.isAnnotationPresent(Version.class);
        boolean unique = annotation != null && annotation.unique();
        int length = 0;
        int precision = 0;
        int scale = 0;
        if (sqlType == SqlType.VARCHAR || sqlType == SqlType.CHAR) {
            length = annotation != null ? annotation.length() : 255;
            // A char holds one character: JPA's default length of 255 cannot be told from an explicit one.
            length = sqlType == SqlType.CHAR && length == 255 ? 1 : length;
            if (sqlType == SqlType.VARCHAR && field.isAnnotationPresent(Lob.class)) {
                length = ColumnType.UNLIMITED;
            }
        } else if (sqlType == SqlType.BINARY && annotation != null && annotation.length() != 255) {
            length = annotation.length();
        } else if (sqlType == SqlType.DECIMAL) {
            boolean sized = annotation != null && annotation.precision() > 0;
            precision = sized ? annotation.precision() : 38;
            // With a precision, the scale is the annotation's (JPA's default 0); 2 is only for unsized decimals.
            scale = javaType == BigInteger.class ? 0
                    : sized || annotation != null && annotation.scale() > 0 ? annotation.scale() : 2;
        }
        Generation columnGeneration = generation == IdGeneration.IDENTITY ? Generation.IDENTITY
                : generation == IdGeneration.SEQUENCE ? Generation.SEQUENCE : Generation.NONE;
        Column column = new Column(columnName, new ColumnType(sqlType, length, precision, scale), nullable, unique,
                columnGeneration);
        return new AttributeDescription(FieldRef.of(field), column, enumStorage, Optional.empty());
    }

    private static boolean isVersionType(Class<?> type) {
        return type == long.class || type == Long.class || type == int.class || type == Integer.class
                || type == short.class || type == Short.class;
    }

    private static void rejectUnsupportedAnnotations(Class<?> type, Field field) {
        for (Class<? extends Annotation> unsupported : List.of(Embedded.class, EmbeddedId.class)) {
            if (field.isAnnotationPresent(unsupported)) {
                throw new MappingException("Attribute " + type.getSimpleName() + "." + field.getName() + " is annotated @"
                        + unsupported.getSimpleName() + ", which this version of Retort does not map yet. "
                        + "To fix this, map the embedded values as columns of the entity, or mark the field @Transient.");
            }
        }
    }

    private static IdGeneration idGeneration(Class<?> type, Field field) {
        GeneratedValue generated = field.getAnnotation(GeneratedValue.class);
        if (generated == null) {
            return IdGeneration.ASSIGNED;
        }
        Class<?> idType = JavaTypes.boxed(field.getType());
        boolean integral = idType == Long.class || idType == Integer.class || idType == Short.class;
        GenerationType strategy = generated.strategy();
        if (strategy == GenerationType.UUID || strategy == GenerationType.AUTO && idType == UUID.class) {
            if (idType != UUID.class && idType != String.class) {
                throw new MappingException("@Id " + type.getSimpleName() + "." + field.getName() + " uses "
                        + "GenerationType.UUID but has type " + field.getType().getName() + ". To fix this, make it a "
                        + "java.util.UUID or a String.");
            }
            return IdGeneration.UUID;
        }
        if (!integral) {
            throw new MappingException("@Id " + type.getSimpleName() + "." + field.getName() + " has type "
                    + field.getType().getName() + ", which the database cannot generate with GenerationType." + strategy
                    + ". To fix this, make it a Long (or long, Integer, int), or use GenerationType.UUID for a UUID id.");
        }
        switch (strategy) {
            case SEQUENCE:
                return IdGeneration.SEQUENCE;
            case TABLE:
                throw new MappingException("@Id " + type.getSimpleName() + "." + field.getName() + " uses "
                        + "GenerationType.TABLE, which Retort does not support. To fix this, use IDENTITY or SEQUENCE.");
            default:
                return IdGeneration.IDENTITY;
        }
    }

    private static Sequence sequence(Field field, String tableName) {
        SequenceGenerator generator = field.getAnnotation(SequenceGenerator.class);
        if (generator == null) {
            return new Sequence(tableName + "_seq", 1, 50);
        }
        String name = !generator.sequenceName().isEmpty() ? generator.sequenceName()
                : !generator.name().isEmpty() ? generator.name() : tableName + "_seq";
        return new Sequence(name, generator.initialValue(), Math.max(1, generator.allocationSize()));
    }

    private static List<List<String>> uniqueConstraints(Class<?> type, String tableName, List<Column> columns) {
        jakarta.persistence.Table table = type.getAnnotation(jakarta.persistence.Table.class);
        List<List<String>> constraints = new ArrayList<>();
        if (table != null) {
            for (jakarta.persistence.UniqueConstraint constraint : table.uniqueConstraints()) {
                List<String> names = List.of(constraint.columnNames());
                names.forEach(name -> requireColumn(type, tableName, columns, name, "a unique constraint"));
                constraints.add(names);
            }
        }
        return constraints;
    }

    private static List<Index> indexes(Class<?> type, String tableName, List<Column> columns) {
        jakarta.persistence.Table table = type.getAnnotation(jakarta.persistence.Table.class);
        List<Index> indexes = new ArrayList<>();
        if (table == null) {
            return indexes;
        }
        for (jakarta.persistence.Index index : table.indexes()) {
            List<String> names = new ArrayList<>();
            for (String part : index.columnList().split(",")) {
                String name = part.trim().split("\\s+")[0];
                if (!name.isEmpty()) {
                    requireColumn(type, tableName, columns, name, "an index");
                    names.add(name);
                }
            }
            String indexName = !index.name().isEmpty() ? index.name() : "ix_" + tableName + "_" + String.join("_", names);
            indexes.add(new Index(indexName, names, index.unique()));
        }
        return indexes;
    }

    private static void requireColumn(Class<?> type, String tableName, List<Column> columns, String name, String what) {
        if (columns.stream().noneMatch(column -> column.name().equals(name))) {
            throw new MappingException("@Table of " + type.getName() + " declares " + what + " on column '" + name
                    + "', which table " + tableName + " does not have. Its columns are: "
                    + String.join(", ", columns.stream().map(Column::name).toList())
                    + ". To fix this, use column names (not field names) in columnList/columnNames.");
        }
    }

    private static Constructor<?> constructor(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new MappingException("Entity " + type.getName() + " has no no-argument constructor, which Retort "
                    + "needs to create instances when loading rows. To fix this, add one; it may be protected or private.");
        }
    }

    /**
     * Checks that a to-one relationship's target can be loaded lazily through a generated subclass (see
     * {@code @ManyToOne(fetch = LAZY)}); a {@link MappingException} names what stands in the way and the fix.
     */
    public static void requireLazyLoadable(RelationshipModel relationship) {
        Relationships.requireProxyable(relationship.toString(), relationship.kind(), relationship.target());
    }

    /** The id field of an entity class (declared on it or a {@code @MappedSuperclass}), read without building its model. */
    static Field idField(Class<?> type) {
        for (Field field : persistentFields(type)) {
            if (field.isAnnotationPresent(Id.class)) {
                field.setAccessible(true);
                return field;
            }
        }
        throw new MappingException("Entity " + type.getName() + " has no @Id attribute. To fix this, annotate "
                + "its primary-key field with @jakarta.persistence.Id (and @GeneratedValue to let the database "
                + "assign it).");
    }

    /** The primary-key column name of an entity class. */
    static String idColumnName(Class<?> type) {
        return columnName(idField(type));
    }

    static String columnName(Field field) {
        jakarta.persistence.Column annotation = field.getAnnotation(jakarta.persistence.Column.class);
        return annotation != null && !annotation.name().isEmpty() ? annotation.name() : snakeCase(field.getName());
    }

    /** {@code firstName} to {@code first_name}, {@code OrderLine} to {@code order_line}, {@code URLCache} to {@code url_cache}. */
    public static String snakeCase(String name) {
        StringBuilder result = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean previousLower = i > 0 && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
                boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                boolean previousUpper = i > 0 && Character.isUpperCase(name.charAt(i - 1));
                if (i > 0 && (previousLower || previousUpper && nextLower)) {
                    result.append('_');
                }
                result.append(Character.toLowerCase(c));
            } else {
                result.append(c);
            }
        }
        return result.toString().toLowerCase(Locale.ROOT);
    }
}
