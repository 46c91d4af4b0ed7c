package dev.retort.session.persister;

import jakarta.persistence.InheritanceType;

import dev.retort.MappingException;
import dev.retort.dialect.Dialect;
import dev.retort.mapping.EntityModel;
import dev.retort.mapping.Hierarchy;
import dev.retort.mapping.IdGeneration;
import dev.retort.mapping.InheritanceModel;

/** What an entity's place in a hierarchy means for its persister. Stateless. */
public final class HierarchyChecks {
    private HierarchyChecks() {
    }

    /** The table that holds the id and the root's columns: the JOINED root's table, else the entity's table. */
    static String primaryTable(EntityModel model) {
        InheritanceModel inheritance = model.inheritance().orElse(null);
        return inheritance != null && inheritance.joined() ? inheritance.joinedTables().get(0).name() : model.table().name();
    }

    /**
     * Refuses TABLE_PER_CLASS ids that the database would generate per table (sequences fall back to identity
     * columns where the database has none): rows of two tables could get the same id.
     */
    static void requireUniqueIds(EntityModel model, Hierarchy hierarchy, Dialect dialect, IdGeneration effective) {
        if (hierarchy == null || hierarchy.strategy() != InheritanceType.TABLE_PER_CLASS || effective != IdGeneration.IDENTITY) {
            return;
        }
        throw new MappingException("Entity " + model.javaType().getName() + " uses TABLE_PER_CLASS inheritance with "
                + "GenerationType.SEQUENCE ids, but " + dialect.name() + " has no sequences, so each table would number its "
                + "rows itself and rows of different tables could get the same id. To fix this, use "
                + "@GeneratedValue(strategy = GenerationType.UUID) or assign ids yourself, or use SINGLE_TABLE or JOINED.");
    }
}
