package dev.retort.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.migrate.model.renamed.Memo;
import dev.retort.migrate.model.shapes.Sample;
import dev.retort.migrate.model.shapes.Tag;
import dev.retort.migrate.model.shapes.Truck;
import dev.retort.migrate.model.shapes.Vehicle;
import dev.retort.migrate.model.v1.Author;
import dev.retort.migrate.model.v1.Note;
import dev.retort.sql.Statement;

/**
 * The whole loop on one database: a model in four versions (v2 adds an entity and a relationship; v3 adds a
 * column, an index and a unique constraint and widens a type; v4 renames a column and drops an entity).
 * Each step generates a migration, Flyway applies it to a database holding the rows of the step before,
 * and then the diff is empty, the rows survived, and the schema equals what {@code createAll} builds for
 * that version. Bound to H2, SQLite, PostgreSQL and MariaDB by its subclasses.
 */
abstract class MigrationSuite {
    static final Metadata V1 = Metadata.of(Author.class, Note.class);
    static final Metadata V2 = Metadata.of(Author.class, Note.class, dev.retort.migrate.model.v2.Book.class);
    static final Metadata V3 = Metadata.of(dev.retort.migrate.model.v3.Author.class, Note.class,
            dev.retort.migrate.model.v3.Book.class);
    static final Metadata V4 = Metadata.of(dev.retort.migrate.model.v3.Author.class, dev.retort.migrate.model.v4.Book.class);
    static final Metadata RENAMED_NOTES = Metadata.of(Author.class, Memo.class);
    static final Metadata SHAPES = Metadata.of(Sample.class, Tag.class, Vehicle.class, Truck.class);

    @TempDir
    Path temporary;
    Path folder;
    Engine engine;

    /** A fresh engine on this suite's database, which may hold tables of an earlier run. */
    abstract Engine newEngine(Path temporaryFolder);

    @BeforeEach
    void open() {
        folder = temporary.resolve("db/migration");
        engine = newEngine(temporary);
        clean();
    }

    @AfterEach
    void close() {
        if (engine != null) { // null when the server's URL is not set and the test was skipped
            clean();
            engine.close();
        }
    }

    private void clean() {
        for (Metadata model : List.of(V4, V3, RENAMED_NOTES, SHAPES)) {
            model.dropAll(engine);
        }
        execute(new Statement.DropTable("flyway_schema_history"));
        dropOtherSuitesTables();
    }

    /**
     * The server databases are shared with the other modules' suites, which leave their tables behind; the
     * diff compares the whole schema, so every test starts from one with no tables. A table others still
     * refer to is dropped on a later pass, after them.
     */
    private void dropOtherSuitesTables() {
        for (int pass = 0; pass < 5; pass++) {
            List<String> tables = tableNames();
            if (tables.isEmpty()) {
                return;
            }
            for (String table : tables) {
                try {
                    execute(new Statement.DropTable(table));
                } catch (IllegalStateException referencedByAnother) {
                    // dropped on the next pass
                }
            }
        }
    }

    private List<String> tableNames() {
        try (Connection connection = engine.connect();
             java.sql.ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(),
                     dev.retort.schema.SchemaTool.currentSchema(connection), "%", new String[] {"TABLE", "BASE TABLE"})) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
            return names;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyVersionMigratesWithItsRowsAndEndsAsCreateAllBuildsIt() {
        List<SchemaSnapshot> migrated = new ArrayList<>();

        step(V1, GenerateOptions.defaults().description("authors and notes"), "V1__authors_and_notes.sql");
        try (Session session = SessionFactory.of(engine, V1).open()) {
            session.add(new Author("Ada", "ada@example.org"));
            session.add(new Note("first"));
            session.commit();
        }
        migrated.add(migrates(V1));

        step(V2, GenerateOptions.defaults().description("books"), "V2__books.sql");
        try (Session session = SessionFactory.of(engine, V2).open()) {
            Author ada = session.query(Author.class).one();
            assertThat(ada.name).isEqualTo("Ada");
            assertThat(session.query(Note.class).one().body).isEqualTo("first");
            session.add(new dev.retort.migrate.model.v2.Book("Sketch of the Analytical Engine", ada));
            session.commit();
        }
        migrated.add(migrates(V2));

        step(V3, GenerateOptions.defaults().description("isbn"), "V3__isbn.sql");
        try (Session session = SessionFactory.of(engine, V3).open()) {
            var ada = session.query(dev.retort.migrate.model.v3.Author.class).one();
            ada.name = "Augusta Ada King, Countess of Lovelace, née Byron, who wrote the first program for a machine";
            var book = session.query(dev.retort.migrate.model.v3.Book.class).one();
            assertThat(book.title).isEqualTo("Sketch of the Analytical Engine");
            assertThat(book.author).isSameAs(ada);
            book.isbn = "978-0-00-000000-1";
            session.commit();
        }
        migrated.add(migrates(V3));

        step(V4, GenerateOptions.defaults().renameColumn("books", "title", "heading").allowDataLoss(true)
                .description("heading"), "V4__heading.sql");
        try (Session session = SessionFactory.of(engine, V4).open()) {
            var book = session.query(dev.retort.migrate.model.v4.Book.class).one();
            assertThat(book.heading).isEqualTo("Sketch of the Analytical Engine");
            assertThat(book.isbn).isEqualTo("978-0-00-000000-1");
            assertThat(book.author.name).startsWith("Augusta Ada King");
        }
        migrated.add(migrates(V4));
        Migrations.of(engine, V4).check(folder);

        List<Metadata> versions = List.of(V1, V2, V3, V4);
        for (int i = 0; i < versions.size(); i++) {
            clean();
            versions.get(i).createAll(engine);
            assertThat(migrated.get(i)).as("version " + (i + 1))
                    .isEqualTo(Migrations.of(engine, versions.get(i)).databaseSnapshot().withoutGeneratedNames());
        }
    }

    /** Generating without options fails with the whole message listing {@code changes} (each line ending in a line break). */
    private void assertRefused(Migrations migrations, String changes) {
        assertThatThrownBy(() -> migrations.generate(folder, GenerateOptions.defaults())).isInstanceOf(DataLossException.class)
                .hasMessage(refusal(changes));
    }

    private String refusal(String changes) {
        return "The migration from " + engine.location() + " to the model would lose data:\n" + changes
                + "To fix this, say which tables and columns were renamed (--rename table.old=new for a column, "
                + "--rename old=new for a table), or accept the loss with --allow-data-loss; the script then marks "
                + "each such change.";
    }

    /** Generates the migration to {@code model}, checks that it is pending, applies it. */
    private void step(Metadata model, GenerateOptions options, String fileName) {
        Migrations migrations = Migrations.of(engine, model);
        Path written = migrations.write(folder, options).orElseThrow();
        assertThat(written.getFileName()).hasToString(fileName);
        assertThatThrownBy(() -> migrations.check(folder)).isInstanceOf(SchemaMismatchException.class)
                .hasMessage("1 migration(s) of " + folder + " are not applied to " + engine.location() + ": " + fileName
                        + ". To fix this, apply them (retort migrate apply) and check again.");
        assertThat(migrations.apply(folder)).isEqualTo(1);
    }

    /** After a step: nothing differs, check passes; the schema as read, without the names the database chose. */
    private SchemaSnapshot migrates(Metadata model) {
        Migrations migrations = Migrations.of(engine, model);
        assertThat(migrations.diff()).isEmpty();
        assertThat(migrations.report()).isEqualTo("The database at " + engine.location() + " matches the model.");
        migrations.check(folder);
        return migrations.databaseSnapshot().withoutGeneratedNames();
    }

    @Test
    void whatCreateAllBuildsLeavesNothingToMigrate() {
        SHAPES.createAll(engine);
        Migrations migrations = Migrations.of(engine, SHAPES);
        assertThat(migrations.diff()).isEmpty();
        assertThat(migrations.generate(folder, GenerateOptions.defaults())).isEmpty();
        assertThat(migrations.databaseSnapshot().tables().keySet()).containsExactly("sample_tags", "samples", "tags", "vehicles");
        assertThat(migrations.databaseSnapshot().tables().get("vehicles").columns()).containsKey("kind");
    }

    @Test
    void aMissingSequenceIsCreatedWhereTheDatabaseHasSequences() {
        SHAPES.createAll(engine);
        Migrations migrations = Migrations.of(engine, SHAPES);
        if (!engine.dialect().supportsSequences()) {
            assertThat(migrations.modelSnapshot().sequences()).isEmpty(); // keys come from the rowid or AUTO_INCREMENT
            return;
        }
        assertThat(migrations.databaseSnapshot().sequences()).contains("samples_seq");
        execute(new Statement.DropSequence("samples_seq"));
        assertThat(migrations.report()).isEqualTo("The database at " + engine.location() + " differs from the model in 1 way:\n"
                + "- sequence samples_seq (of table samples) is in the model but not in the database");
        migrations.write(folder, GenerateOptions.defaults());
        migrations.apply(folder);
        assertThat(migrations.diff()).isEmpty();
    }

    private void execute(Statement statement) {
        try (Connection connection = engine.connect(); java.sql.Statement jdbc = connection.createStatement()) {
            jdbc.execute(engine.dialect().compile(statement).sql());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void droppingAndRenamingIsRefusedWithEveryReasonAndTheRenameToChoose() throws Exception {
        V3.createAll(engine);
        try (Session session = SessionFactory.of(engine, V3).open()) {
            var ada = new dev.retort.migrate.model.v3.Author("Ada", "ada@example.org");
            session.add(ada);
            session.add(new dev.retort.migrate.model.v3.Book("Sketch", ada, null));
            session.add(new Note("first"));
            session.commit();
        }
        Migrations migrations = Migrations.of(engine, V4);
        assertRefused(migrations, "- adding column books.heading NOT NULL without a default to a table with 1 row: existing rows have "
                        + "no value for it; it looks like a rename of books.title to books.heading: to keep the data, say so with "
                        + "--rename books.title=heading\n"
                        + "- dropping column books.title (VARCHAR(100)) of a table with 1 row; it looks like a rename of "
                        + "books.title to books.heading: to keep the data, say so with --rename books.title=heading\n"
                        + "- dropping table notes (1 row)\n");

        String script = migrations.generate(folder, GenerateOptions.defaults().allowDataLoss(true)).orElseThrow().script();
        assertThat(script).contains("--   - probable rename of books.title to books.heading: this script drops and adds; "
                + "to keep the data, write instead: ALTER TABLE books RENAME COLUMN title TO heading;\n");
        assertThat(script).contains("-- DATA LOSS: dropping table notes (1 row)\n"
                + engine.dialect().compile(new Statement.DropTable("notes")).sql() + ";\n");
    }

    @Test
    void aDroppedAndAnAddedTableOfOneShapeAreAProbableRenameThatTheRenameOptionKeeps() {
        V1.createAll(engine);
        try (Session session = SessionFactory.of(engine, V1).open()) {
            session.add(new Note("kept"));
            session.commit();
        }
        Migrations migrations = Migrations.of(engine, RENAMED_NOTES);
        assertRefused(migrations, "- dropping table notes (1 row); it looks like a rename of table notes to memos: to keep the data, "
                        + "say so with --rename notes=memos\n");
        assertThat(migrations.generate(folder, GenerateOptions.defaults().allowDataLoss(true)).orElseThrow().script())
                .contains("--   - probable rename of table notes to memos: this script drops and adds; to keep the data, "
                        + "write instead: ALTER TABLE notes RENAME TO memos;\n");

        migrations.write(folder, GenerateOptions.defaults().renameTable("notes", "memos"));
        migrations.apply(folder);
        assertThat(migrations.diff()).isEmpty();
        try (Session session = SessionFactory.of(engine, RENAMED_NOTES).open()) {
            assertThat(session.query(Memo.class).one().body).isEqualTo("kept");
        }
    }

    @Test
    void goingBackAVersionDropsTheColumnIndexAndUniqueConstraintAndNarrowsTheType() {
        V3.createAll(engine);
        try (Session session = SessionFactory.of(engine, V3).open()) {
            var ada = new dev.retort.migrate.model.v3.Author("Ada", "ada@example.org");
            session.add(ada);
            session.add(new dev.retort.migrate.model.v3.Book("Sketch", ada, "978-0-00-000000-1"));
            session.commit();
        }
        Migrations migrations = Migrations.of(engine, V2);
        String uniqueName = migrations.databaseSnapshot().tables().get("authors").uniques().iterator().next().name();
        assertThat(migrations.report()).isEqualTo("The database at " + engine.location() + " differs from the model in 4 ways:\n"
                + "- column authors.name is VARCHAR(120) in the database, VARCHAR(50) in the model\n"
                + "- unique constraint " + uniqueName + " on authors (email) is in the database but not in the model\n"
                + "- column books.isbn (VARCHAR(20)) is in the database but not in the model\n"
                + "- index ix_books_isbn on books (isbn) is in the database but not in the model");
        migrations.write(folder, GenerateOptions.defaults().allowDataLoss(true));
        migrations.apply(folder);
        assertThat(migrations.diff()).isEmpty();
        try (Session session = SessionFactory.of(engine, V2).open()) {
            var book = session.query(dev.retort.migrate.model.v2.Book.class).one();
            assertThat(book.title).isEqualTo("Sketch");
            assertThat(book.author.name).isEqualTo("Ada");
        }
    }

    @Test
    void aRequiredColumnAndAForeignKeyComeToATableWithRowsWhenAllowed() {
        Metadata loose = Metadata.of(Author.class, Note.class, dev.retort.migrate.model.loose.Book.class);
        loose.createAll(engine);
        try (Session session = SessionFactory.of(engine, loose).open()) {
            session.add(new dev.retort.migrate.model.loose.Book("Sketch"));
            session.commit();
        }
        Migrations migrations = Migrations.of(engine, V2);
        assertRefused(migrations, "- making column books.title NOT NULL on a table with 1 row: any of them holding NULL there makes "
                        + "the migration fail\n");
        migrations.write(folder, GenerateOptions.defaults().allowDataLoss(true));
        migrations.apply(folder);
        assertThat(migrations.diff()).isEmpty();
        try (Session session = SessionFactory.of(engine, V2).open()) {
            var book = session.query(dev.retort.migrate.model.v2.Book.class).one();
            assertThat(book.title).isEqualTo("Sketch");
            assertThat(book.author).isNull();
        }
    }

    @Test
    void narrowingATypeIsRefused() {
        V3.createAll(engine);
        Migrations migrations = Migrations.of(engine, V1);
        assertRefused(migrations, "- changing column authors.name from VARCHAR(120) to VARCHAR(50), which does not hold every value "
                        + "of the old type\n"
                        + "- dropping table books (0 rows)\n");
    }

    @Test
    void checkListsEveryDifferenceAndTheFix() throws Exception {
        Files.createDirectories(folder);
        V1.createAll(engine);
        Migrations migrations = Migrations.of(engine, V2);
        try (FlywayWarnings flyway = FlywayWarnings.capture()) {
            assertThatThrownBy(() -> migrations.check(folder)).isInstanceOf(SchemaMismatchException.class)
                    .hasMessage("The database at " + engine.location() + " differs from the model in 1 way:\n"
                            + "- table books is in the model but not in the database\n"
                            + "To fix this, generate the migration for these differences (retort migrate generate), read it, "
                            + "and add it to " + folder + ".");
            // The folder holds no migration yet, which Flyway finds worth a warning.
            assertThat(flyway.messages()).containsExactly("No migrations found. Are your locations set up correctly?");
        }
    }
}
