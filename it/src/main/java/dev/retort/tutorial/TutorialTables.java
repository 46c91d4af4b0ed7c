package dev.retort.tutorial;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.mapping.EntityModel;
import dev.retort.schema.SchemaTool;

/**
 * Keeps the tutorial from dropping tables it did not create: it marks each database it sets up with a table
 * of its own, and refuses a database that holds tables of the tutorial's names without that mark.
 */
final class TutorialTables {
    /** The table that says "the tutorial created the tables here". */
    static final String MARKER = "retort_tutorial_marker";

    private TutorialTables() {
    }

    /**
     * Makes sure the tutorial may drop and create its tables on this database, and marks it as the tutorial's.
     * Throws {@link TutorialRefused} naming the tables when others made them and {@code fresh} is false.
     */
    static void claim(Engine engine, Metadata metadata, boolean fresh) {
        SchemaTool schema = new SchemaTool(engine.dialect(), engine.sqlLog());
        try (Connection connection = engine.connect()) {
            if (!schema.tableExists(connection, MARKER)) {
                List<String> foreign = new ArrayList<>();
                for (EntityModel model : metadata.models()) {
                    String table = model.table().name();
                    if (!foreign.contains(table) && schema.tableExists(connection, table)) {
                        foreign.add(table);
                    }
                }
                if (!foreign.isEmpty() && !fresh) {
                    throw new TutorialRefused("The database at " + engine.location() + " already has the tables "
                            + String.join(", ", foreign) + ", which this tutorial did not create; it drops and creates its "
                            + "tables on every run, so it stopped without touching them. To fix this, point it at an empty "
                            + "database (the default is sqlite:///example.db), or pass --fresh to let it drop and replace "
                            + "those tables.");
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE " + MARKER + " (created_by VARCHAR(40))");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check the tables at " + engine.location() + ": " + e.getMessage(), e);
        }
    }
}
