package dev.retort.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.retort.UnsupportedFeatureException;
import dev.retort.sql.Column;
import dev.retort.sql.ColumnType;
import dev.retort.sql.Expression;
import dev.retort.sql.ForeignKey;
import dev.retort.sql.Generation;
import dev.retort.sql.SqlType;
import dev.retort.sql.Statement;

/**
 * Compile-only tests of the statements that change a schema (written by retort-migrate): the standard
 * SQL, and where each dialect spells it its own way. No database is involved.
 */
class SchemaChangeCompilerTest {
    private static final Column NAME = new Column("name", new ColumnType(SqlType.VARCHAR, 120, 0, 0), false, false, Generation.NONE);

    private static String compile(String dialect, Statement statement) {
        return Dialects.byName(dialect).orElseThrow().compile(statement).sql();
    }

    /** The SQL each dialect writes: {@code standard} unless {@code overrides} names the dialect. */
    private static void expect(String dialect, Statement statement, String standard, Map<String, String> overrides) {
        assertThat(compile(dialect, statement)).isEqualTo(overrides.getOrDefault(dialect, standard));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgresql", "mysql"})
    void columnsAreAddedDroppedAndRenamed(String dialect) {
        expect(dialect, new Statement.AddColumn("authors", NAME), "ALTER TABLE authors ADD COLUMN name VARCHAR(120) NOT NULL", Map.of());
        expect(dialect, new Statement.DropColumn("authors", "name"), "ALTER TABLE authors DROP COLUMN name", Map.of());
        expect(dialect, new Statement.RenameColumn("books", "title", "heading"), "ALTER TABLE books RENAME COLUMN title TO heading",
                Map.of());
        expect(dialect, new Statement.RenameTable("notes", "order"), "ALTER TABLE notes RENAME TO \"order\"",
                Map.of("mysql", "ALTER TABLE notes RENAME TO `order`"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mysql"})
    void columnsChangeTypeAndNullabilityInPlace(String dialect) {
        expect(dialect, new Statement.AlterColumnType("authors", NAME), "ALTER TABLE authors ALTER COLUMN name SET DATA TYPE VARCHAR(120)",
                Map.of("mysql", "ALTER TABLE authors MODIFY COLUMN name VARCHAR(120) NOT NULL"));
        expect(dialect, new Statement.AlterColumnNullability("authors", NAME), "ALTER TABLE authors ALTER COLUMN name SET NOT NULL",
                Map.of("mysql", "ALTER TABLE authors MODIFY COLUMN name VARCHAR(120) NOT NULL"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgresql", "mysql"})
    void constraintsAndIndexesAreAddedAndDropped(String dialect) {
        expect(dialect, new Statement.AddUnique("authors", List.of("email")), "ALTER TABLE authors ADD UNIQUE (email)", Map.of());
        expect(dialect, new Statement.DropUnique("authors", "authors_email_key"), "ALTER TABLE authors DROP CONSTRAINT authors_email_key",
                Map.of("mysql", "ALTER TABLE authors DROP INDEX authors_email_key"));
        expect(dialect, new Statement.AddForeignKey("books", new ForeignKey(List.of("author_id"), "authors", List.of("id"))),
                "ALTER TABLE books ADD FOREIGN KEY (author_id) REFERENCES authors (id)", Map.of());
        expect(dialect, new Statement.DropForeignKey("books", "books_author_id_fkey"),
                "ALTER TABLE books DROP CONSTRAINT books_author_id_fkey", Map.of("mysql", "ALTER TABLE books DROP FOREIGN KEY books_author_id_fkey"));
        expect(dialect, new Statement.DropIndex("books", "ix_books_isbn"), "DROP INDEX ix_books_isbn",
                Map.of("mysql", "DROP INDEX ix_books_isbn ON books"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgresql", "mysql"})
    void rowsAreCopiedAndForeignKeysDeferred(String dialect) {
        Statement.Select select = new Statement.Select("authors", List.of(new Expression.ColumnRef("id"), new Expression.ColumnRef("name")),
                Optional.empty(), List.of(), Optional.empty(), Optional.empty());
        expect(dialect, new Statement.InsertSelect("copy_of_authors", List.of("id", "name"), select),
                "INSERT INTO copy_of_authors (id, name) SELECT id, name FROM authors", Map.of());
        expect(dialect, new Statement.DeferForeignKeyChecks(), "SET CONSTRAINTS ALL DEFERRED",
                Map.of("sqlite", "PRAGMA defer_foreign_keys = ON"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AlterColumnType", "AlterColumnNullability"})
    void sqliteCannotChangeAColumnInPlace(String kind) {
        Statement statement = kind.equals("AlterColumnType") ? new Statement.AlterColumnType("authors", NAME)
                : new Statement.AlterColumnNullability("authors", NAME);
        assertThatThrownBy(() -> compile("sqlite", statement)).isInstanceOf(UnsupportedFeatureException.class)
                .hasMessage("Changing a column's type or nullability in place is not supported by SQLite. To fix this, copy the "
                        + "table into a new one of the new shape (retort-migrate generates that sequence).");
    }
}
