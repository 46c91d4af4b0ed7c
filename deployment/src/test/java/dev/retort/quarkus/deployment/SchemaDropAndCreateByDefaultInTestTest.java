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
import io.quarkus.test.QuarkusUnitTest;

/** With no strategy set, test mode drops and re-creates the mapped tables: the pre-existing book table is replaced. */
class SchemaDropAndCreateByDefaultInTestTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class).addAsResource("pre-existing-book-table.sql"))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url",
                    "jdbc:h2:mem:schema-drop-and-create;DB_CLOSE_DELAY=-1;INIT=RUNSCRIPT FROM 'classpath:pre-existing-book-table.sql'");

    @Inject
    Engine engine;

    @Test
    void theTableIsRecreatedFromTheMapping() throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = engine.connect();
                ResultSet rows = connection.getMetaData().getColumns(null, null, "BOOK", null)) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME"));
            }
        }
        assertThat(columns).containsExactly("ID", "TITLE");
    }
}
