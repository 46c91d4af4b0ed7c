package dev.retort.jdbc.observe;

import dev.retort.jdbc.ProxyOptions;
import dev.retort.jdbc.support.LogCapture;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The proxy's slow-statement warning, Micrometer timings and OpenTelemetry spans, through jdbc:retort:h2. The
 * global bindings are checked first: binding a registry or an OpenTelemetry explicitly replaces them for the JVM.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProxyObservabilityTest {
    private static final String URL = "jdbc:retort:h2:mem:observed;DB_CLOSE_DELAY=-1";

    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    private static final OpenTelemetrySdk OPEN_TELEMETRY = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build())
            .build();

    @BeforeAll
    static void createTable() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (id INT PRIMARY KEY, text VARCHAR(100))");
            statement.execute("CREATE ALIAS PAUSE FOR 'java.lang.Thread.sleep(long)'");
        }
    }

    @AfterAll
    static void close() {
        OPEN_TELEMETRY.close();
    }

    /** An INSERT, a commit, a SELECT reading one row: four events. */
    private static void writeAndRead(Connection connection, int id) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notes (id, text) VALUES (?, ?)")) {
            insert.setInt(1, id);
            insert.setString(2, "note " + id);
            insert.executeUpdate();
        }
        connection.commit();
        try (PreparedStatement select = connection.prepareStatement("SELECT text FROM notes WHERE id = ?")) {
            select.setInt(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
            }
        }
    }

    @Test
    @Order(1)
    void withMicrometerPresentTheProxyTimesIntoTheGlobalRegistry() throws SQLException {
        assertThat(ProxyObservability.available()).hasSize(2);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try (Connection connection = DriverManager.getConnection(URL)) {
            writeAndRead(connection, 1);
        } finally {
            Metrics.removeRegistry(registry);
        }
        assertThat(registry.get(ProxyMetrics.STATEMENTS).tags("kind", "query", "operation", "SELECT", "outcome", "success")
                .timer().count()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void statementsCommitsAndFailuresAreTimedByKindOperationAndOutcome() throws SQLException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ProxyMetrics.bind(registry);
        try (Connection connection = DriverManager.getConnection(URL)) {
            writeAndRead(connection, 2);
            try (Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM missing_table"))
                        .isInstanceOf(SQLException.class);
            }
        }
        assertThat(registry.get(ProxyMetrics.STATEMENTS).tags("kind", "update", "operation", "INSERT", "outcome", "success")
                .timer().count()).isEqualTo(1);
        assertThat(registry.get(ProxyMetrics.STATEMENTS).tags("kind", "commit", "operation", "COMMIT").timer().count())
                .isEqualTo(1);
        assertThat(registry.get(ProxyMetrics.STATEMENTS).tags("kind", "query", "operation", "SELECT").timer().count())
                .isEqualTo(1);
        assertThat(registry.get(ProxyMetrics.STATEMENTS).tags("operation", "DELETE", "outcome", "error").timer().count())
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    void eachStatementIsAClientSpanUnderTheCurrentSpanAndAFailureIsAnError() throws SQLException {
        ProxyTracing.bind(OPEN_TELEMETRY);
        SPANS.reset();
        Span parent = OPEN_TELEMETRY.getTracer("test").spanBuilder("request").startSpan();
        Scope current = parent.makeCurrent();
        try (Connection connection = DriverManager.getConnection(URL)) {
            writeAndRead(connection, 3);
            try (Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM missing_table"))
                        .isInstanceOf(SQLException.class);
            }
        } finally {
            current.close();
            parent.end();
        }

        List<SpanData> client = SPANS.getFinishedSpanItems().stream().filter(span -> span.getKind() == SpanKind.CLIENT)
                .toList();
        assertThat(client).extracting(SpanData::getName).containsExactly("INSERT", "COMMIT", "SELECT", "DELETE");
        SpanData select = client.get(2);
        assertThat(select.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
        assertThat(select.getInstrumentationScopeInfo().getName()).isEqualTo(ProxyTracing.SCOPE);
        assertThat(select.getAttributes().asMap())
                .containsEntry(AttributeKey.stringKey("db.query.text"), "SELECT text FROM notes WHERE id = ?")
                .containsEntry(AttributeKey.stringKey("db.statement"), "SELECT text FROM notes WHERE id = ?")
                .containsEntry(AttributeKey.stringKey("db.operation.name"), "SELECT")
                .containsEntry(AttributeKey.stringKey("db.operation"), "SELECT");
        assertThat(select.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        SpanData failed = client.get(3);
        assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(failed.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("42S02");
        assertThat(failed.getEvents()).extracting(event -> event.getName()).containsExactly("exception");
    }

    @Test
    @Order(4)
    void aStatementPastTheThresholdLogsAWarningWithItsSqlTimeAndThreshold() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty(ProxyOptions.LOG_SLOW_STATEMENT_THRESHOLD, "100ms");
        try (LogCapture log = LogCapture.at(Level.WARNING);
             Connection connection = DriverManager.getConnection(URL, properties);
             PreparedStatement pause = connection.prepareStatement("SELECT PAUSE(?)")) {
            writeAndRead(connection, 4);
            pause.setLong(1, 150);
            pause.executeQuery().close();

            assertThat(log.lines()).hasSize(1);
            assertThat(log.lines().get(0)).matches("WARNING Slow statement: \\[conn \\d+\\] (1[5-9]\\d|[2-9]\\d\\d|\\d{4,}) ms "
                    + "\\(retort.log.slow-statement-threshold 100 ms\\): SELECT PAUSE\\(\\?\\)");
        }
    }

    @Test
    @Order(5)
    void aThresholdThatIsNoDurationIsRefusedWithTheFix() {
        Properties properties = new Properties();
        properties.setProperty(ProxyOptions.LOG_SLOW_STATEMENT_THRESHOLD, "quick");
        assertThatThrownBy(() -> DriverManager.getConnection(URL, properties))
                .isInstanceOf(SQLNonTransientConnectionException.class)
                .hasMessage("Invalid value 'quick' for option 'retort.log.slow-statement-threshold' in connection "
                        + "properties: expected a duration such as 200ms, 2s or 1m (0 turns it off). To fix this, set "
                        + "retort.log.slow-statement-threshold to a duration such as 200ms, 2s or 1m (0 turns it off).");
    }

    @Test
    @Order(6)
    void bindingNothingIsRefusedWithTheFix() {
        assertThatThrownBy(() -> ProxyMetrics.bind(null)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("ProxyMetrics.bind(null): there is no registry. To fix this, pass the application's MeterRegistry.");
        assertThatThrownBy(() -> ProxyTracing.bind(null)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("ProxyTracing.bind(null): there is no OpenTelemetry. To fix this, pass the application's instance.");
    }
}
