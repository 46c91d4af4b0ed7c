package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.TransactionRequiredException;
import dev.retort.quarkus.deployment.model.Book;
import dev.retort.quarkus.deployment.model.Library;
import io.quarkus.test.QuarkusUnitTest;

class ReadOnlyOutsideTransactionTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class, Library.class).addAsResource("books-load-script.sql"))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:read-only;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.retort.sql-load-script", "books-load-script.sql");

    @Inject
    Library library;

    @Test
    void readsWorkWithoutATransaction() {
        assertThat(library.titles()).containsExactly("Dune", "Semicolons; a history");
    }

    @Test
    void aWriteWithoutATransactionIsRefused() {
        assertThatThrownBy(() -> library.addBookWithoutTransaction("Refused")).isInstanceOf(TransactionRequiredException.class)
                .hasMessage("Cannot add Book: no transaction is active, so this injected session only reads. To fix this, "
                        + "annotate the calling method (or its class) with @jakarta.transaction.Transactional.");
        assertThat(library.titles()).containsExactly("Dune", "Semicolons; a history");
    }
}
