package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.retort.Engine;
import dev.retort.quarkus.deployment.model.Book;
import dev.retort.quarkus.deployment.model.Library;
import io.quarkus.test.QuarkusUnitTest;

/** jdbc.statement-batch-size=2: a flush of five new books sends two batches of two and one single row (SQL log). */
class StatementBatchSizeTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Book.class, Library.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:statement-batch-size;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.retort.log.sql", "true")
            .overrideConfigKey("quarkus.retort.jdbc.statement-batch-size", "2")
            .setLogRecordPredicate(record -> record.getLoggerName().equals("dev.retort.sql"))
            .assertLogRecords(records -> assertThat(records.stream().map(LogRecord::getMessage)
                    .filter(message -> message.startsWith("INSERT INTO book")))
                    .containsExactly("INSERT INTO book (title) VALUES (?)  [batch of 2]",
                            "INSERT INTO book (title) VALUES (?)  [batch of 2]",
                            "INSERT INTO book (title) VALUES (?)  [Ulysses]"));

    @Inject
    Engine engine;
    @Inject
    Library library;

    @Test
    void aFlushSendsBatchesOfTheConfiguredSize() {
        assertThat(engine.statementBatchSize()).isEqualTo(2);
        library.addBooks(List.of("Dune", "Emma", "Ivanhoe", "Middlemarch", "Ulysses"));
        assertThat(library.titles()).containsExactly("Dune", "Emma", "Ivanhoe", "Middlemarch", "Ulysses");
    }
}
