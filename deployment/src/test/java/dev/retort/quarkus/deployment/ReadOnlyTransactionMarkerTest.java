package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.cdi.ReadOnlyTransaction;
import dev.retort.jta.ReadOnlyTransactions;
import dev.retort.quarkus.deployment.model.Book;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The extension registers core's {@code @ReadOnlyTransaction} interceptor with ArC: a marked method runs with the thread
 * marked read-only (which routes its transaction's session to a replica), an unmarked one does not.
 */
class ReadOnlyTransactionMarkerTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class, Marked.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:read-only-marker;DB_CLOSE_DELAY=-1");

    /** A service with one marked and one unmarked transactional method. */
    @ApplicationScoped
    public static class Marked {
        @Transactional
        @ReadOnlyTransaction
        public boolean markedRunsReadOnly() {
            return ReadOnlyTransactions.active();
        }

        @Transactional
        public boolean unmarkedRunsReadOnly() {
            return ReadOnlyTransactions.active();
        }
    }

    @Inject
    Marked marked;

    @Test
    void theMarkedMethodRunsMarkedReadOnlyAndTheOtherDoesNot() {
        assertThat(marked.markedRunsReadOnly()).isTrue();
        assertThat(marked.unmarkedRunsReadOnly()).isFalse();
        assertThat(ReadOnlyTransactions.active()).as("the mark ends with the method").isFalse();
    }
}
