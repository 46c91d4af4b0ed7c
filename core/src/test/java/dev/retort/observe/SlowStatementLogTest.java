package dev.retort.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.retort.ConfigurationException;
import dev.retort.Engine;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.testing.NotesOnH2;
import dev.retort.testing.NotesOnH2.Note;
import dev.retort.engine.SlowStatementLog;

/** The slow-statement log: a WARNING naming the SQL, its time and the threshold, for statements at or past it. */
class SlowStatementLogTest {
    private final LogRecorder log = new LogRecorder("dev.retort.sql");
    private NotesOnH2 notes;

    @BeforeEach
    void openEngine() {
        notes = NotesOnH2.create("slow", Map.of("slow-statement-threshold", "150ms", "metrics", "false", "tracing", "false"));
        try (Session session = notes.sessions().open()) {
            session.sql("CREATE ALIAS PAUSE FOR 'java.lang.Thread.sleep(long)'").execute();
            session.commit();
        }
    }

    @AfterEach
    void close() {
        notes.close();
        log.close();
    }

    @Test
    void aStatementPastTheThresholdLogsOneWarningWithItsSqlAndTime() {
        SessionFactory sessions = notes.sessions();
        sessions.useTransaction(session -> session.add(new Note(1, "quick")));
        try (Session session = sessions.open()) {
            assertThat(session.get(Note.class, 1L).text).isEqualTo("quick");
            session.sql("SELECT PAUSE(200) FROM notes WHERE id = :id").param("id", 1L).rows();
        }

        assertThat(log.warnings()).hasSize(1);
        assertThat(log.warnings().get(0)).matches("WARNING Slow statement: ([2-9]\\d\\d|\\d{4,}) ms "
                + "\\(slow-statement-threshold 150 ms\\): SELECT PAUSE\\(200\\) FROM notes WHERE id = \\?");
    }

    @Test
    void aSlowStatementThatFailsIsLoggedAsSuch() {
        SessionFactory sessions = notes.sessions();
        sessions.useTransaction(session -> session.add(new Note(1, "taken")));
        try (Session session = sessions.open()) {
            // The pause runs before the row meets the primary key it duplicates.
            assertThatThrownBy(() -> session.sql("INSERT INTO notes (id, text) VALUES (1, COALESCE(CAST(PAUSE(200) AS "
                    + "VARCHAR), 'again'))").execute()).isInstanceOf(dev.retort.DatabaseException.class);
        }
        new SlowStatementLog(Duration.ofMillis(200)).failed("SELECT 3", 250_000_000, new java.sql.SQLException("timeout"));
        new SlowStatementLog(Duration.ofMillis(200)).failed("SELECT 4", 150_000_000, new java.sql.SQLException("fast"));

        assertThat(log.warnings()).hasSize(2);
        assertThat(log.warnings().get(0)).matches("WARNING Slow statement that failed: ([2-9]\\d\\d|\\d{4,}) ms "
                + "\\(slow-statement-threshold 150 ms\\): INSERT INTO notes \\(id, text\\) VALUES \\(1, .*\\)");
        assertThat(log.warnings().get(1)).isEqualTo("WARNING Slow statement that failed: 250 ms (slow-statement-threshold "
                + "200 ms): SELECT 3");
    }

    @Test
    void theMessageGivesFractionsOfAMillisecondBelowTen() {
        new SlowStatementLog(Duration.ofNanos(1_500_000)).executed("DELETE FROM notes", 2_250_000);
        new SlowStatementLog(Duration.ofMillis(200)).executed("SELECT 1", 199_999_999);
        new SlowStatementLog(Duration.ofMillis(200)).executed("SELECT 2", 1_250_000_000);

        assertThat(log.warnings()).containsExactly(
                "WARNING Slow statement: 2.25 ms (slow-statement-threshold 1.5 ms): DELETE FROM notes",
                "WARNING Slow statement: 1250 ms (slow-statement-threshold 200 ms): SELECT 2");
    }

    @Test
    void aThresholdThatIsNoDurationIsRefusedWithTheFix() {
        assertThatThrownBy(() -> Engine.create("h2:mem:slow-bad", Map.of("slow-statement-threshold", "fast")))
                .isExactlyInstanceOf(ConfigurationException.class)
                .hasMessage("Engine option slow-statement-threshold must be a duration such as 30s, 500ms, 10m or 1h "
                        + "(0 turns it off), not 'fast'.");
    }

    @Test
    void withoutTheOptionNothingObservesStatements() {
        try (Engine plain = Engine.create("h2:mem:plain-" + System.nanoTime(), Map.of("metrics", "false",
                "tracing", "false"))) {
            assertThat(plain.observers().any()).isFalse();
        }
    }
}
