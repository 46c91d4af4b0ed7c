package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.migrate.Migrations;
import dev.retort.quarkus.deployment.model.Book;
import dev.retort.quarkus.deployment.model.Library;
import io.quarkus.test.QuarkusUnitTest;

/** strategy=migrate: Flyway applies the configured class-path location at start, and the schema then matches the model. */
class SchemaMigrateTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class, Library.class)
                    .addAsResource("migrations/book/V1__book.sql", "db/book/V1__book.sql"))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:schema-migrate;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.retort.schema-management.strategy", "migrate")
            .overrideConfigKey("quarkus.retort.schema-management.locations", "classpath:db/book");

    @Inject
    Engine engine;
    @Inject
    Metadata metadata;
    @Inject
    Library library;

    @Test
    void theMigrationRanAndTheSchemaMatchesTheModel() throws SQLException {
        try (Connection connection = engine.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT \"script\", \"success\" FROM \"flyway_schema_history\" "
                     + "WHERE \"version\" = '1'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("V1__book.sql");
            assertThat(rows.getBoolean(2)).isTrue();
        }
        assertThat(Migrations.of(engine, metadata).diff()).isEmpty();
        library.addBook("Emma");
        assertThat(library.titles()).containsExactly("Emma");
    }
}
