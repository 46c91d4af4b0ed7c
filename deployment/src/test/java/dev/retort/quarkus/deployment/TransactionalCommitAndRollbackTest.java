package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.Engine;
import dev.retort.InvalidRequestException;
import dev.retort.quarkus.deployment.model.Book;
import dev.retort.quarkus.deployment.model.Library;
import io.quarkus.test.QuarkusUnitTest;

class TransactionalCommitAndRollbackTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class, Library.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:transactional;DB_CLOSE_DELAY=-1");

    @Inject
    Library library;
    @Inject
    Engine engine;

    @BeforeEach
    void emptyTable() throws Exception {
        try (var connection = engine.connect(); var statement = connection.createStatement()) {
            statement.executeUpdate("delete from book");
        }
    }

    @Test
    void aTransactionalMethodCommitsItsWrites() {
        library.addBook("Dune");
        library.addBook("Emma");
        assertThat(library.titles()).containsExactly("Dune", "Emma");
    }

    @Test
    void aRuntimeExceptionRollsBackWhatWasFlushed() {
        assertThatThrownBy(() -> library.addBookThenFail("Lost")).isInstanceOf(IllegalStateException.class)
                .hasMessage("failing after the flush");
        assertThat(library.titles()).isEmpty();
    }

    @Test
    void commitIsRefusedInsideTheContainersTransaction() {
        assertThatThrownBy(() -> library.addBookAndCommit("Never")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("session.commit() is not allowed on a container-managed session: the container owns the "
                        + "transaction. To fix this, remove the call and let @jakarta.transaction.Transactional commit when the "
                        + "method returns (throw an exception or call setRollbackOnly() to roll back).");
        assertThat(library.titles()).isEmpty();
    }
}
