package dev.retort.it.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.retort.Engine;
import dev.retort.InvalidRequestException;
import dev.retort.Metadata;
import dev.retort.QueryTimeoutException;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.it.Capability;
import dev.retort.it.Requires;
import dev.retort.it.TestDatabase;
import dev.retort.it.model.Note;
import dev.retort.it.model.User;
import dev.retort.it.model.User_;

/** Statement timeouts and long strings, the same on every database. */
abstract class FaultCompliance extends DatabaseTest {

    @Override
    protected Metadata metadata() {
        return Metadata.of(User.class, Note.class);
    }

    /** A query that runs for many seconds unless cancelled. */
    private String slowQuery() {
        switch (database()) {
            case POSTGRESQL: return "SELECT pg_sleep(30)";
            case MARIADB: return "SELECT SLEEP(30)";
            case H2: return "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000) a, SYSTEM_RANGE(1, 100000) b WHERE MOD(a.X + b.X, 7) = 3";
            default: return "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5000000000) SELECT COUNT(*) FROM c";
        }
    }

    private void assertCancelledAfterAboutOneSecond(Session session, Runnable query, long started) {
        QueryTimeoutException error = catchThrowableOfType(QueryTimeoutException.class, query::run);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
        assertThat(error.getMessage()).isEqualTo(engine.dialect().displayName() + " cancelled a query that ran past its "
                + "timeout: " + error.getCause().getMessage().trim() + " [SQL: " + slowQuery() + "]. To fix this, call "
                + "session.rollback(), then make the query cheaper or give it more time (query.timeout(...) or the engine "
                + "option statement-timeout-seconds).");
        session.rollback();
        session.add(new User("after the timeout", 1));
        session.commit();
        assertThat(session.query(User.class).count()).isEqualTo(1);
    }

    @Test
    void aQueryTimeoutCancelsTheStatementAndTheSessionGoesOnAfterRollback() {
        try (Session session = sessions.open()) {
            session.query(User.class).count();
            long started = System.nanoTime();
            assertCancelledAfterAboutOneSecond(session,
                    () -> session.sql(slowQuery()).timeout(Duration.ofMillis(800)).rows(), started);
        }
    }

    @Test
    void theEnginesStatementTimeoutAppliesToEveryStatement() {
        // A second engine on the same database (TestDatabase.SQLITE.url() would make a new file).
        String url = database() == TestDatabase.SQLITE ? "sqlite:///target/retort-it-sqlite.db" : database().url();
        try (Engine timed = Engine.create(url, Map.of("statement-timeout-seconds", 1, "pool-size", 2))) {
            SessionFactory timedSessions = SessionFactory.of(timed, metadata);
            try (Session session = timedSessions.open()) {
                long started = System.nanoTime();
                assertCancelledAfterAboutOneSecond(session, () -> session.sql(slowQuery()).rows(), started);
            }
        }
    }

    @Test
    void aQueryOwnTimeoutReplacesTheEngines() {
        try (Session session = sessions.open()) {
            session.add(new User("Alice", 30));
            session.commit();

            assertThat(session.query(User.class).timeout(Duration.ofSeconds(5)).filterBy("name", "Alice").one().age).isEqualTo(30);
            assertThat(session.query(User.class).timeout(Duration.ZERO).count()).isEqualTo(1);
            assertThatThrownBy(() -> session.query(User.class).timeout(Duration.ofSeconds(-1)))
                    .isExactlyInstanceOf(InvalidRequestException.class)
                    .hasMessage("query(User).timeout(PT-1S): a timeout must be zero (no timeout) or positive. To fix this, "
                            + "pass a duration such as Duration.ofSeconds(5).");
        }
    }

    /** On the servers (which can sleep): a query's own timeout, zero included, replaces the engine's one second. */
    @Test
    @Requires(Capability.SLEEP_FUNCTION)
    void aQueryOwnTimeoutOverridesTheEnginesOnAStatementThatSleeps() {
        String sleep = database() == TestDatabase.POSTGRESQL ? "SELECT pg_sleep(1.5)" : "SELECT SLEEP(1.5)";
        try (Engine timed = Engine.create(database().url(), Map.of("statement-timeout-seconds", 1, "pool-size", 2))) {
            SessionFactory timedSessions = SessionFactory.of(timed, metadata);
            try (Session session = timedSessions.open()) {
                assertThat(session.sql(sleep).timeout(Duration.ZERO).rows()).hasSize(1);
                assertThat(session.sql(sleep).timeout(Duration.ofSeconds(5)).rows()).hasSize(1);
                assertThatThrownBy(() -> session.sql(sleep).rows()).isExactlyInstanceOf(QueryTimeoutException.class);
                session.rollback();
            }
        }
    }

    /** On the servers, a table lock held by another connection keeps a query waiting until its own timeout ends it. */
    @Test
    @Requires(Capability.TABLE_LOCKS_BLOCKING_READERS)
    void aQueryWaitingForALockIsCancelledByItsTimeout() throws Exception {
        try (Connection locker = engine.dataSource().getConnection(); Statement statement = locker.createStatement()) {
            locker.setAutoCommit(false);
            statement.execute(database() == TestDatabase.POSTGRESQL ? "LOCK TABLE users IN ACCESS EXCLUSIVE MODE"
                    : "LOCK TABLES users WRITE");
            try (Session session = sessions.open()) {
                long started = System.nanoTime();
                QueryTimeoutException error = catchThrowableOfType(QueryTimeoutException.class,
                        () -> session.query(User.class).timeout(Duration.ofSeconds(1)).all());
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
                assertThat(error.getMessage()).startsWith(engine.dialect().displayName() + " cancelled a query that ran past "
                        + "its timeout: ");
                session.rollback();

                long again = System.nanoTime();
                assertThatThrownBy(() -> session.select(User_.name).timeout(Duration.ofSeconds(1)).all())
                        .isExactlyInstanceOf(QueryTimeoutException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - again)).isLessThan(Duration.ofSeconds(6));
                session.rollback();
            } finally {
                if (database() == TestDatabase.MARIADB) {
                    statement.execute("UNLOCK TABLES");
                }
                locker.rollback();
            }
        }
    }

    @Test
    void aMissingTableSaysHowToCreateTheSchema() {
        execute("DROP TABLE notes");
        String sources = "metadata.createAll(engine); in CDI retort.schema-management.strategy=create (validate checks the "
                + "tables at start); in Quarkus quarkus.retort.schema-management.strategy=create; or your migrations";
        try (Session session = sessions.open()) {
            dev.retort.DatabaseException query = catchThrowableOfType(dev.retort.DatabaseException.class,
                    () -> session.query(Note.class).count());
            assertThat(query.getMessage()).isEqualTo(engine.dialect().displayName() + " has no table for a query: "
                    + query.getCause().getMessage().trim() + " [SQL: SELECT COUNT(*) FROM notes]. To fix this, create the "
                    + "schema: " + sources + ".");
            session.rollback();

            session.add(new Note("body", "appendix"));
            dev.retort.DatabaseException flush = catchThrowableOfType(dev.retort.DatabaseException.class, session::commit);
            assertThat(flush.getMessage()).startsWith("Flush failed: the INSERT of Note names a table that does not exist: "
                    + flush.getCause().getMessage().trim() + " [SQL: INSERT INTO notes ")
                    .endsWith("To fix this, call session.rollback(), create the schema (" + sources + "), and add the objects again.");
            session.rollback();
        }
        metadata.createAll(engine);
    }

    @Test
    void stringsLongerThanAVarcharAreStoredWhole() {
        String body = "b".repeat(1_000_000);
        String appendix = "a\u00e9\u4e2d".repeat(100_000);
        try (Session session = sessions.open()) {
            session.add(new Note(body, appendix));
            session.commit();
        }
        try (Session session = sessions.open()) {
            Note note = session.query(Note.class).one();
            assertThat(note.body).isEqualTo(body);
            assertThat(note.appendix).isEqualTo(appendix);
        }
    }
}
