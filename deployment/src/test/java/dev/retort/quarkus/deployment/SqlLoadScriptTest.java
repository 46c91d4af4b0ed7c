package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.quarkus.deployment.model.Book;
import dev.retort.quarkus.deployment.model.Library;
import io.quarkus.test.QuarkusUnitTest;

class SqlLoadScriptTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class, Library.class).addAsResource("books-load-script.sql"))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:load-script;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.retort.sql-load-script", "books-load-script.sql");

    @Inject
    Library library;

    @Test
    void theScriptsRowsAreThere() {
        assertThat(library.titles()).containsExactly("Dune", "Semicolons; a history");
    }
}
