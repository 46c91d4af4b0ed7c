package dev.retort.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.InheritanceType;

import dev.retort.MappingException;
import dev.retort.mapping.description.DiscriminatorDeclaration;
import dev.retort.sql.Column;
import dev.retort.sql.ColumnType;
import dev.retort.sql.Generation;
import dev.retort.sql.SqlType;
import dev.retort.sql.Table;

/**
 * One entity hierarchy as a {@code Metadata} maps it: the root, the strategy, the member entities listed
 * (parents before children), and for SINGLE_TABLE the discriminator column and each member's value.
 * Only the listed entities belong to it: a subclass must be listed to be loaded. Immutable.
 */
public final class Hierarchy {
    /** JPA's default discriminator column, in Retort's lower-case naming. */
    public static final String DEFAULT_DISCRIMINATOR = "dtype";

    private final EntityModel root;
    private final InheritanceType strategy;
    private final List<EntityModel> members;
    private final Column discriminator;
    private final Map<Class<?>, String> discriminatorValues = new LinkedHashMap<>();

    private Hierarchy(EntityModel root, List<EntityModel> members) {
        this.root = root;
        // A root without @Inheritance has no inheritance model; its entity subclasses carry the strategy.
        this.strategy = members.stream().flatMap(member -> member.inheritance().stream()).findFirst()
                .map(InheritanceModel::strategy).orElse(InheritanceType.SINGLE_TABLE);
        this.members = List.copyOf(members);
        // JOINED may have one too (JPA allows it, SQLAlchemy's polymorphic_on): written in the root's table, read to pick the class.
        this.discriminator = strategy == InheritanceType.SINGLE_TABLE
                || strategy == InheritanceType.JOINED && root.description().discriminator().column().isPresent()
                ? root.description().discriminator().column().orElse(DEFAULT_COLUMN) : null;
        for (EntityModel member : members) {
            checkDiscriminatorAnnotations(member);
            if (discriminator != null) {
                String value = discriminatorValue(member);
                Class<?> clash = discriminatorValues.entrySet().stream().filter(entry -> entry.getValue().equals(value))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
                if (clash != null) {
                    throw new MappingException("Entities " + clash.getName() + " and " + member.javaType().getName()
                            + " both have discriminator value '" + value + "' in table " + root.table().name()
                            + ". To fix this, give one of them another @DiscriminatorValue.");
                }
                discriminatorValues.put(member.javaType(), value);
            }
        }
        if (discriminator != null) {
            for (EntityModel member : members) {
                if (member.attributes().stream().anyMatch(attribute -> attribute.column().name().equals(discriminator.name()))) {
                    throw new MappingException("Entity " + member.javaType().getName() + " maps an attribute to column "
                            + discriminator.name() + ", which is the discriminator column of table " + root.table().name()
                            + ". To fix this, rename the attribute's column with @Column(name = ...), or name the "
                            + "discriminator otherwise with @DiscriminatorColumn(name = ...) on " + root.entityName() + ".");
                }
            }
        }
    }

    /**
     * The hierarchies among the models, keyed by each member class; a {@link MappingException} when a listed
     * entity's entity superclass is not listed.
     */
    public static Map<Class<?>, Hierarchy> of(List<EntityModel> models) {
        Map<Class<?>, EntityModel> byType = new LinkedHashMap<>();
        models.forEach(model -> byType.put(model.javaType(), model));
        Map<Class<?>, List<EntityModel>> byRoot = new LinkedHashMap<>();
        for (EntityModel model : models) {
            if (model.inheritance().isEmpty()) {
                continue;
            }
            InheritanceModel inheritance = model.inheritance().get();
            if (inheritance.parent() != null && !byType.containsKey(inheritance.parent())) {
                throw new MappingException("Entity " + model.javaType().getName() + " extends entity "
                        + inheritance.parent().getName() + ", which is not in this Metadata. To fix this, list it too: "
                        + "Metadata.of(..., " + inheritance.parent().getSimpleName() + ".class, "
                        + model.javaType().getSimpleName() + ".class).");
            }
            byRoot.computeIfAbsent(inheritance.root(), key -> new ArrayList<>()).add(model);
        }
        Map<Class<?>, Hierarchy> hierarchies = new LinkedHashMap<>();
        for (Map.Entry<Class<?>, List<EntityModel>> entry : byRoot.entrySet()) {
            EntityModel root = byType.get(entry.getKey());
            List<EntityModel> members = new ArrayList<>(entry.getValue());
            if (!members.contains(root)) {
                members.add(root);
            }
            List<EntityModel> listed = List.copyOf(members);
            members.sort(Comparator.comparingInt(member -> depth(member.javaType(), listed)));
            Hierarchy hierarchy = new Hierarchy(root, members);
            members.forEach(member -> hierarchies.put(member.javaType(), hierarchy));
        }
        for (EntityModel model : models) {
            if (InheritanceReader.isAbstract(model.javaType()) && !hierarchies.containsKey(model.javaType())) {
                throw new MappingException("Entity " + model.javaType().getName() + " is abstract and cannot be instantiated. "
                        + "To fix this, make it concrete, make it a @MappedSuperclass of concrete entities, or list its "
                        + "entity subclasses in the Metadata beside it (it is then the root of an entity hierarchy).");
            }
        }
        return hierarchies;
    }

    /** The tables of the models, each hierarchy's in place of its first member: what createAll creates, in order. */
    public static List<Table> tables(List<EntityModel> models) {
        Map<Class<?>, Hierarchy> hierarchies = of(models);
        Set<Table> tables = new LinkedHashSet<>();
        Set<Hierarchy> done = new LinkedHashSet<>();
        for (EntityModel model : models) {
            Hierarchy hierarchy = hierarchies.get(model.javaType());
            if (hierarchy == null) {
                tables.add(model.table());
            } else if (done.add(hierarchy)) {
                tables.addAll(hierarchy.tables());
            }
        }
        return List.copyOf(tables);
    }

    /** Whether two entities are rows of one table by SINGLE_TABLE inheritance. */
    public static boolean shareTable(Class<?> first, Class<?> second) {
        Class<?> root = InheritanceReader.root(first);
        return root == InheritanceReader.root(second) && InheritanceReader.strategy(root) == InheritanceType.SINGLE_TABLE;
    }

    /** How many of the members (all of a listed entity's entity superclasses are listed) are above {@code type}. */
    private static int depth(Class<?> type, List<EntityModel> members) {
        return (int) members.stream().filter(member -> member.javaType() != type && member.javaType().isAssignableFrom(type)).count();
    }

    public EntityModel root() {
        return root;
    }

    public InheritanceType strategy() {
        return strategy;
    }

    /** The listed entities of the hierarchy, parents before children. */
    public List<EntityModel> members() {
        return members;
    }

    /** {@code type} and the listed entities below it, parents before children. */
    public List<EntityModel> membersUnder(Class<?> type) {
        return members.stream().filter(member -> type.isAssignableFrom(member.javaType())).toList();
    }

    /** The discriminator column: SINGLE_TABLE's, or a JOINED root's {@code @DiscriminatorColumn}; else empty. */
    public Optional<Column> discriminator() {
        return Optional.ofNullable(discriminator);
    }

    /** The value of the discriminator column in rows of {@code type} (when there is a discriminator). */
    public String discriminatorValue(Class<?> type) {
        return discriminatorValues.get(type);
    }

    /** The tables of the hierarchy, parents first; for TABLE_PER_CLASS those of its concrete entities. */
    public List<Table> tables() {
        switch (strategy) {
            case SINGLE_TABLE:
                return List.of(singleTable());
            case JOINED:
                Set<Table> joined = new LinkedHashSet<>();
                members.forEach(member -> joined.addAll(member.inheritance().orElseThrow().joinedTables()));
                if (discriminator == null) {
                    return List.copyOf(joined);
                }
                List<Table> withDiscriminator = new ArrayList<>();
                for (Table table : joined) {
                    withDiscriminator.add(table.name().equals(root.table().name()) ? withColumn(table, discriminator) : table);
                }
                return withDiscriminator;
            default:
                List<Table> concrete = new ArrayList<>();
                boolean sequenced = false;
                for (EntityModel member : members) {
                    if (InheritanceReader.isAbstract(member.javaType())) {
                        continue;
                    }
                    Table table = member.table();
                    // The sequence is shared: created (and dropped) with the first table only.
                    concrete.add(new Table(table.name(), table.columns(), table.primaryKey(), table.uniqueConstraints(),
                            table.indexes(), sequenced ? Optional.empty() : table.sequence(), table.foreignKeys()));
                    sequenced |= table.sequence().isPresent();
                }
                return concrete;
        }
    }

    private static Table withColumn(Table table, Column column) {
        List<Column> columns = new ArrayList<>(table.columns());
        columns.add(column);
        return new Table(table.name(), columns, table.primaryKey(), table.uniqueConstraints(), table.indexes(),
                table.sequence(), table.foreignKeys());
    }

    /** The root's table with the discriminator and every member's columns, those below the root nullable. */
    private Table singleTable() {
        Table rootTable = root.table();
        List<Column> columns = new ArrayList<>(rootTable.columns());
        Set<String> names = new LinkedHashSet<>();
        columns.forEach(column -> names.add(column.name()));
        columns.add(discriminator);
        for (EntityModel member : members) {
            for (Column column : member.table().columns()) {
                if (names.add(column.name())) {
                    columns.add(new Column(column.name(), column.type(), true, column.unique(), column.generation()));
                }
            }
        }
        Set<dev.retort.sql.ForeignKey> foreignKeys = new LinkedHashSet<>();
        Set<dev.retort.sql.Index> indexes = new LinkedHashSet<>(rootTable.indexes());
        members.forEach(member -> foreignKeys.addAll(member.table().foreignKeys()));
        members.forEach(member -> indexes.addAll(member.table().indexes()));
        return new Table(rootTable.name(), columns, rootTable.primaryKey(), rootTable.uniqueConstraints(),
                List.copyOf(indexes), rootTable.sequence(), List.copyOf(foreignKeys));
    }

    /** JPA's discriminator column where the root declares none: a string of up to 31 characters. */
    private static final Column DEFAULT_COLUMN = new Column(DEFAULT_DISCRIMINATOR, new ColumnType(SqlType.VARCHAR, 31, 0, 0),
            false, false, Generation.NONE);

    /** What {@code type} declares about a discriminator, read when its mapping is (annotations are not read again here). */
    static DiscriminatorDeclaration declaredDiscriminator(Class<?> type) {
        DiscriminatorColumn annotation = type.getAnnotation(DiscriminatorColumn.class);
        Optional<Column> column = Optional.empty();
        if (annotation != null) {
            String name = annotation.name().isEmpty() ? DEFAULT_DISCRIMINATOR : annotation.name();
            DiscriminatorType discriminatorType = annotation.discriminatorType();
            ColumnType columnType = discriminatorType == DiscriminatorType.INTEGER ? ColumnType.of(SqlType.INTEGER)
                    : new ColumnType(SqlType.VARCHAR, discriminatorType == DiscriminatorType.CHAR ? 1 : annotation.length(), 0, 0);
            column = Optional.of(new Column(name, columnType, false, false, Generation.NONE));
        }
        DiscriminatorValue value = type.getAnnotation(DiscriminatorValue.class);
        String entityName = type.getAnnotation(Entity.class).name();
        return new DiscriminatorDeclaration(column, Optional.ofNullable(value).map(DiscriminatorValue::value),
                entityName.isEmpty() ? type.getSimpleName() : entityName);
    }

    private String discriminatorValue(EntityModel member) {
        Class<?> type = member.javaType();
        DiscriminatorDeclaration declared = member.description().discriminator();
        if (declared.value().isPresent()) {
            String value = declared.value().get();
            if (discriminator.type().type() == SqlType.INTEGER && !value.matches("-?\\d+")) {
                throw new MappingException("Entity " + type.getName() + " has @DiscriminatorValue(\"" + value + "\"), but the "
                        + "discriminator column " + discriminator.name() + " of " + root.entityName() + " is an INTEGER. "
                        + "To fix this, give a whole number.");
            }
            return value;
        }
        if (discriminator.type().type() == SqlType.INTEGER) {
            throw new MappingException("Entity " + type.getName() + " has no @DiscriminatorValue, and the INTEGER "
                    + "discriminator column " + discriminator.name() + " of " + root.entityName() + " has no default value. "
                    + "To fix this, annotate " + type.getSimpleName() + " with @DiscriminatorValue(\"<number>\").");
        }
        return declared.entityName();
    }

    private void checkDiscriminatorAnnotations(EntityModel member) {
        Class<?> type = member.javaType();
        DiscriminatorDeclaration declared = member.description().discriminator();
        if (discriminator != null) {
            if (type != root.javaType() && declared.column().isPresent()) {
                throw new MappingException("Entity " + type.getName() + " declares @DiscriminatorColumn, but only the root "
                        + root.javaType().getName() + " names the discriminator column. To fix this, move it to "
                        + root.entityName() + ".");
            }
            return;
        }
        for (Class<? extends java.lang.annotation.Annotation> annotation : List.of(DiscriminatorColumn.class, DiscriminatorValue.class)) {
            if (annotation == DiscriminatorColumn.class ? declared.column().isPresent() : declared.value().isPresent()) {
                throw new MappingException("Entity " + type.getName() + " declares @" + annotation.getSimpleName() + ", but "
                        + root.entityName() + " uses " + strategy + " inheritance, where Retort tells classes apart by "
                        + (strategy == InheritanceType.JOINED ? "the subclass table a row has" : "the table a row is in")
                        + ", without a discriminator column. To fix this, remove @" + annotation.getSimpleName()
                        + (strategy == InheritanceType.JOINED ? ", or declare the column with @DiscriminatorColumn on "
                        + root.entityName() + " to have one" : "") + ".");
            }
        }
    }
}
