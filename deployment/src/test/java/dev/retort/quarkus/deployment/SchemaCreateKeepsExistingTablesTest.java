package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.Engine;
import dev.retort.quarkus.deployment.model.Book;
import dev.retort.quarkus.deployment.model.Library;
import io.quarkus.test.QuarkusUnitTest;

/** strategy=create leaves existing tables alone: the pre-existing book table keeps its extra column. */
class SchemaCreateKeepsExistingTablesTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class, Library.class).addAsResource("pre-existing-book-table.sql"))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url",
                    "jdbc:h2:mem:schema-create;DB_CLOSE_DELAY=-1;INIT=RUNSCRIPT FROM 'classpath:pre-existing-book-table.sql'")
            .overrideConfigKey("quarkus.retort.schema-management.strategy", "create");

    @Inject
    Engine engine;
    @Inject
    Library library;

    @Test
    void theExistingTableIsKept() throws SQLException {
        assertThat(columnsOfBook()).containsExactly("ID", "TITLE", "LEGACY_MARKER");
        library.addBook("Emma");
        assertThat(library.titles()).containsExactly("Emma");
    }

    private List<String> columnsOfBook() throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = engine.connect();
                ResultSet rows = connection.getMetaData().getColumns(null, null, "BOOK", null)) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME"));
            }
        }
        return columns;
    }
}
