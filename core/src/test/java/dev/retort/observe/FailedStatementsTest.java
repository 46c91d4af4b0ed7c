package dev.retort.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

import dev.retort.ConstraintViolationException;
import dev.retort.DatabaseException;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.Statistics;
import dev.retort.testing.NotesOnH2;
import dev.retort.testing.NotesOnH2.Note;

/**
 * A statement that fails inside a session (its flush, its query) reaches the observers as a failure: a timer with
 * {@code outcome=error}, a span with the error status and the exception; and the statistics count it.
 */
class FailedStatementsTest {
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .build();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private NotesOnH2 notes;
    private SessionFactory sessions;

    @BeforeEach
    void observe() {
        notes = NotesOnH2.create("failed", Map.of("metrics", "false", "tracing", "false"));
        sessions = notes.sessions();
        RetortMetrics.bind(notes.engine(), registry);
        RetortTracing.bind(notes.engine(), openTelemetry);
        sessions.useTransaction(session -> session.add(new Note(1, "first")));
        spans.reset();
    }

    @AfterEach
    void close() {
        notes.close();
        openTelemetry.close();
    }

    @Test
    void anInsertThatFailsInAFlushIsTimedAsAnErrorTracedAndCounted() {
        Statistics counted;
        try (Session session = sessions.open()) {
            session.add(new Note(1, "again"));
            assertThatThrownBy(session::flush).isExactlyInstanceOf(ConstraintViolationException.class)
                    .hasMessage("Flush failed: the INSERT of Note violated a unique constraint: Unique index or primary key "
                            + "violation: \"PUBLIC.CONSTRAINT_4 PRIMARY KEY ON PUBLIC.NOTES(ID) ( /* key:1 */ CAST(1 AS BIGINT), "
                            + "'first')\"; SQL statement:\nINSERT INTO notes (id, text) VALUES (?, ?) [23505-252] [SQL: INSERT INTO "
                            + "notes (id, text) VALUES (?, ?)]. The transaction was rolled back: nothing of this flush, nor of "
                            + "earlier flushes in the same transaction, remains in the database. To fix this, call "
                            + "session.rollback(), correct the data, and add the objects again.");
            counted = session.statistics();
        }

        assertThat(counted.statements()).isEqualTo(1);
        assertThat(counted.failedStatements()).isEqualTo(1);
        assertThat(sessions.statistics().failedStatements()).isEqualTo(1);
        assertThat(registry.get(RetortMetrics.STATEMENTS).tags("operation", "INSERT", "outcome", "error").timer().count())
                .isEqualTo(1);
        assertThat(registry.get(RetortMetrics.STATEMENTS).tags("operation", "INSERT", "outcome", "success").timer().count())
                .isEqualTo(1);
        SpanData insert = onlyClientSpan();
        assertThat(insert.getName()).isEqualTo("INSERT");
        assertThat(insert.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(insert.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("23505");
        assertThat(insert.getAttributes().get(AttributeKey.stringKey("db.query.text")))
                .isEqualTo("INSERT INTO notes (id, text) VALUES (?, ?)");
        assertThat(insert.getEvents()).extracting(EventData::getName).containsExactly("exception");
        assertThat(insert.getEndEpochNanos()).isGreaterThan(insert.getStartEpochNanos());
    }

    @Test
    void aQueryThatFailsIsTimedAsAnErrorTracedAndCounted() {
        try (Session session = sessions.open()) {
            assertThatThrownBy(() -> session.sql("SELECT text FROM missing_notes WHERE id = :id").param("id", 1L).rows())
                    .isExactlyInstanceOf(DatabaseException.class)
                    .hasMessage("H2 has no table for a query: Table \"MISSING_NOTES\" not found; SQL statement:\nSELECT text "
                            + "FROM missing_notes WHERE id = ? [42102-252] [SQL: SELECT text FROM missing_notes WHERE id = ?]. "
                            + "To fix this, create the schema: metadata.createAll(engine); in CDI "
                            + "retort.schema-management.strategy=create (validate checks the tables at start); in Quarkus "
                            + "quarkus.retort.schema-management.strategy=create; or your migrations.");
            assertThat(session.statistics().statements()).isEqualTo(1);
            assertThat(session.statistics().failedStatements()).isEqualTo(1);
        }

        assertThat(registry.get(RetortMetrics.STATEMENTS).tags("operation", "SELECT", "outcome", "error").timer().count())
                .isEqualTo(1);
        assertThat(registry.find(RetortMetrics.STATEMENTS).tags("operation", "SELECT", "outcome", "success").timer())
                .isNull();
        SpanData select = onlyClientSpan();
        assertThat(select.getName()).isEqualTo("SELECT");
        assertThat(select.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(select.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("42S02");
        assertThat(select.getEvents()).extracting(EventData::getName).containsExactly("exception");
    }

    @Test
    void statementsThatSucceedCountNoFailure() {
        try (Session session = sessions.open()) {
            assertThat(session.get(Note.class, 1L).text).isEqualTo("first");
            assertThat(session.statistics().failedStatements()).isZero();
        }
        assertThat(onlyClientSpan().getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    private SpanData onlyClientSpan() {
        List<SpanData> client = spans.getFinishedSpanItems().stream().filter(span -> span.getKind() == SpanKind.CLIENT)
                .toList();
        assertThat(client).hasSize(1);
        return client.get(0);
    }
}
