package dev.retort;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.retort.mapping.EntityMappings;
import dev.retort.mapping.EntityModel;
import dev.retort.mapping.Hierarchy;
import dev.retort.mapping.RelationshipModel;
import dev.retort.mapping.description.MetadataDescription;
import dev.retort.schema.SchemaTool;
import dev.retort.sql.Table;

/**
 * The set of mapped entities and their tables, as SQLAlchemy's {@code MetaData}: built once from entity
 * classes (every mapping is read and checked here, so mistakes surface at start-up), then used to create
 * or drop the schema and to build session factories. Immutable and thread-safe.
 *
 * <p>A container that checks the mapping at build time keeps its {@link #description()} and makes the
 * Metadata again at start with {@link #bind}, which neither reads annotations nor repeats the checks.
 */
public final class Metadata {
    private final List<EntityModel> models;

    private Metadata(List<EntityModel> models) {
        this.models = List.copyOf(models);
    }

    public static Metadata of(Class<?>... entityClasses) {
        return of(Arrays.asList(entityClasses));
    }

    public static Metadata of(Collection<Class<?>> entityClasses) {
        List<EntityModel> models = new ArrayList<>();
        Map<String, Class<?>> tables = new HashMap<>();
        for (Class<?> type : entityClasses) {
            if (models.stream().anyMatch(model -> model.javaType() == type)) {
                continue;
            }
            EntityModel model = EntityMappings.of(type);
            Class<?> clash = tables.putIfAbsent(model.table().name().toLowerCase(java.util.Locale.ROOT), type);
            if (clash != null && !Hierarchy.shareTable(clash, type)) {
                throw new MappingException("Entities " + clash.getName() + " and " + type.getName() + " both map to table "
                        + model.table().name() + ". To fix this, give one of them another name with @Table(name = ...).");
            }
            models.add(model);
        }
        for (EntityModel model : models) {
            for (RelationshipModel relationship : model.relationships()) {
                checkRelationship(models, relationship);
            }
            for (Table joinTable : model.joinTables()) {
                Class<?> clash = tables.putIfAbsent(joinTable.name().toLowerCase(java.util.Locale.ROOT), model.javaType());
                if (clash != null) {
                    throw new MappingException("The join table " + joinTable.name() + " of " + model.entityName()
                            + " has the name of another table (of " + clash.getName() + "). To fix this, name it with "
                            + "@JoinTable(name = ...).");
                }
            }
        }
        Hierarchy.of(models);
        return new Metadata(dependencyOrder(models));
    }

    /**
     * Binds a description that {@link #description()} gave, in a build or earlier in this run: the entities'
     * fields, constructors and accessors, in the described order, without reading their annotations or
     * checking their mapping again (internal to Retort's containers).
     */
    public static Metadata bind(MetadataDescription description) {
        return new Metadata(description.entities().stream().map(EntityMappings::bind).toList());
    }

    /** The checked mapping of every entity in table-creation order, as plain data a build can record (internal). */
    public MetadataDescription description() {
        return new MetadataDescription(models.stream().map(EntityModel::description).toList());
    }

    private static void checkRelationship(List<EntityModel> models, RelationshipModel relationship) {
        EntityModel target = models.stream().filter(model -> model.javaType() == relationship.target()).findFirst()
                .orElseThrow(() -> new MappingException("Relationship " + relationship + " refers to "
                        + relationship.target().getName() + ", which is not in this Metadata. To fix this, list it too: "
                        + "Metadata.of(..., " + relationship.target().getSimpleName() + ".class)."));
        for (RelationshipModel.OrderKey key : relationship.orderKeys()) {
            if (target.attribute(key.attribute()).isEmpty()) {
                throw new MappingException("@OrderBy(\"" + relationship.orderBy() + "\") of " + relationship + " names '"
                        + key.attribute() + "', which " + target.entityName() + " does not have. Its attributes are: "
                        + target.attributeNames() + ". To fix this, use attribute names (Java field names) of "
                        + target.entityName() + ".");
            }
        }
        if (relationship.owning()) {
            return;
        }
        String mappedBy = relationship.mappedBy().orElseThrow();
        RelationshipModel.Kind expected = switch (relationship.kind()) {
            case ONE_TO_MANY -> RelationshipModel.Kind.MANY_TO_ONE;
            case ONE_TO_ONE -> RelationshipModel.Kind.ONE_TO_ONE;
            case MANY_TO_MANY -> RelationshipModel.Kind.MANY_TO_MANY;
            case MANY_TO_ONE -> throw new IllegalStateException("a many-to-one always owns its foreign key");
        };
        RelationshipModel owning = target.relationship(mappedBy).orElse(null);
        if (owning == null || owning.kind() != expected || !owning.owning()
                || !owning.target().isAssignableFrom(relationship.owner())) {
            String annotation = switch (expected) {
                case MANY_TO_ONE -> "@ManyToOne";
                case ONE_TO_ONE -> "@OneToOne";
                default -> "@ManyToMany";
            };
            throw new MappingException("Relationship " + relationship + " is mappedBy \"" + mappedBy + "\", but "
                    + target.entityName() + (owning == null ? " has no relationship of that name"
                    : "." + mappedBy + " is not an owning " + annotation + " to " + relationship.owner().getSimpleName())
                    + ". To fix this, name the " + annotation + " field of " + target.entityName() + " that refers back to "
                    + relationship.owner().getSimpleName() + ".");
        }
    }

    /**
     * The models ordered so that every table comes after the tables its foreign keys reference (the order
     * in which tables are created and rows inserted), otherwise as given. Self-references are fine; a cycle
     * between tables is refused, since neither table could be created first.
     */
    private static List<EntityModel> dependencyOrder(List<EntityModel> models) {
        List<EntityModel> ordered = new ArrayList<>();
        java.util.Set<EntityModel> visiting = new java.util.HashSet<>();
        for (EntityModel model : models) {
            visit(model, models, ordered, visiting, new ArrayList<>());
        }
        return ordered;
    }

    private static void visit(EntityModel model, List<EntityModel> models, List<EntityModel> ordered,
                              java.util.Set<EntityModel> visiting, List<String> path) {
        if (ordered.contains(model)) {
            return;
        }
        path.add(model.entityName());
        if (!visiting.add(model)) {
            throw new MappingException("The foreign keys of " + String.join(" -> ", path) + " form a cycle between tables, "
                    + "so no table can be created before the others. To fix this, keep the foreign key on one side only "
                    + "(map the other side as the inverse, with mappedBy).");
        }
        for (RelationshipModel relationship : model.relationships()) {
            if (relationship.joinColumn() != null && relationship.target() != model.javaType()) {
                models.stream().filter(candidate -> candidate.javaType() == relationship.target()).findFirst()
                        .ifPresent(target -> visit(target, models, ordered, visiting, path));
            }
        }
        visiting.remove(model);
        path.remove(path.size() - 1);
        ordered.add(model);
    }

    /** The mapped entity classes, parents (referenced by foreign keys) before children, otherwise in the order given. */
    public List<Class<?>> entities() {
        return models.stream().<Class<?>>map(EntityModel::javaType).toList();
    }

    /** The mapping read for each entity, in table-creation order (internal to Retort's layers). */
    public List<EntityModel> models() {
        return models;
    }

    /**
     * Entity tables in dependency order (each inheritance hierarchy's tables where its first entity is), then
     * the join tables of many-to-many relationships: what {@link #createAll} creates (read by retort-migrate).
     */
    public List<Table> tables() {
        List<Table> tables = new ArrayList<>(Hierarchy.tables(models));
        models.forEach(model -> model.joinTables().stream().filter(table -> !tables.contains(table)).forEach(tables::add));
        return tables;
    }

    /** Creates the tables (with indexes and sequences) that do not exist yet, like SQLAlchemy's {@code create_all}. */
    public void createAll(Engine engine) {
        try (Connection connection = engine.connect()) {
            new SchemaTool(engine.dialect(), engine.sqlLog()).createAll(connection, tables());
        } catch (SQLException e) {
            throw new DatabaseException("Cannot close the schema connection: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that every mapped table and column exists in the engine's database (types are not compared);
     * a {@link MappingException} lists everything missing, with the entity it belongs to, and the fix.
     */
    public void validate(Engine engine) {
        List<SchemaTool.Missing> missing;
        try (Connection connection = engine.connect()) {
            missing = new SchemaTool(engine.dialect(), engine.sqlLog()).validate(connection, tables());
        } catch (SQLException e) {
            throw new DatabaseException("Cannot close the schema connection: " + e.getMessage(), e);
        }
        if (missing.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (SchemaTool.Missing item : missing) {
            EntityModel model = models.stream().filter(candidate -> candidate.table().name().equals(item.table())
                    || candidate.joinTables().stream().anyMatch(table -> table.name().equals(item.table()))).findFirst().orElseThrow();
            problems.add(item.column() == null
                    ? "table " + item.table() + " (entity " + model.javaType().getName() + ") does not exist"
                    : "table " + item.table() + " has no column " + item.column() + " (entity " + model.javaType().getName() + ")");
        }
        throw new MappingException("The database at " + engine.location() + " does not match the mapping: "
                + String.join("; ", problems) + ". To fix this, create what is missing (metadata.createAll(engine) "
                + "creates missing tables, not missing columns) or change the mapping to match the database.");
    }

    /** Does what the strategy says: nothing, {@link #createAll}, {@link #dropAll} then createAll, or {@link #validate}. */
    public void apply(SchemaStrategy strategy, Engine engine) {
        switch (strategy) {
            case CREATE:
                createAll(engine);
                break;
            case DROP_AND_CREATE:
                dropAll(engine);
                createAll(engine);
                break;
            case VALIDATE:
                validate(engine);
                break;
            default:
                break;
        }
    }

    /** Drops the tables (and sequences) that exist, in reverse creation order, like SQLAlchemy's {@code drop_all}. */
    public void dropAll(Engine engine) {
        try (Connection connection = engine.connect()) {
            new SchemaTool(engine.dialect(), engine.sqlLog()).dropAll(connection, tables());
        } catch (SQLException e) {
            throw new DatabaseException("Cannot close the schema connection: " + e.getMessage(), e);
        }
    }
}
