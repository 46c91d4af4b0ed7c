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
import dev.retort.schema.SchemaTool;
import dev.retort.sql.Table;

/**
 * The set of mapped entities and their tables, as SQLAlchemy's {@code MetaData}: built once from entity
 * classes (every mapping is read and checked here, so mistakes surface at start-up), then used to create
 * or drop the schema and to build session factories. Immutable and thread-safe.
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
        Hierarchy.of(models);
        return new Metadata(models);
    }

    /** The mapped entity classes, in the order given. */
    public List<Class<?>> entities() {
        return models.stream().<Class<?>>map(EntityModel::javaType).toList();
    }

    /** The mapping read for each entity, in table-creation order (internal to Retort's layers). */
    public List<EntityModel> models() {
        return models;
    }

    List<Table> tables() {
        return Hierarchy.tables(models);
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
            EntityModel model = models.stream().filter(candidate -> candidate.table().name().equals(item.table())).findFirst().orElseThrow();
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
