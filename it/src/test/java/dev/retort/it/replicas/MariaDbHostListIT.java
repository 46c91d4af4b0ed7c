package dev.retort.it.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.retort.DatabaseUnavailableException;
import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.SessionFactory;
import dev.retort.it.TestDatabase;

/**
 * A MariaDB primary URL that lists several hosts, on the suite's one server (RETORT_TEST_MARIADB_URL): a host that
 * does not answer is passed over for the next one that accepts writes, and when none answers the error names each
 * host and why. (Passing over a read-only replica is {@link MariaDbFailoverIT}'s, on a replicated cluster.)
 */
@EnabledIfEnvironmentVariable(named = "RETORT_TEST_MARIADB_URL", matches = ".+")
class MariaDbHostListIT {
    private static final Pattern SERVER = Pattern.compile("^jdbc:mariadb://([^/]+)(/.*)$");

    @Test
    void aHostThatDoesNotAnswerIsPassedOverForTheNextThatAcceptsWrites() throws IOException {
        Matcher server = server();
        int closed = closedPort();
        String url = "jdbc:mariadb://127.0.0.1:" + closed + "," + server.group(1) + server.group(2);
        try (Engine engine = Engine.create(url, Map.of("pool-size", 2, "acquisition-timeout-seconds", 5))) {
            Metadata metadata = Metadata.of(Note.class);
            metadata.dropAll(engine);
            metadata.createAll(engine);
            SessionFactory sessions = SessionFactory.of(engine, metadata);
            sessions.useTransaction(session -> session.add(new Note("through the host list")));
            try (var session = sessions.open()) {
                assertThat(session.query(Note.class).filterBy("text", "through the host list").count()).isEqualTo(1);
                assertThat(session.sql("SELECT @@port").scalar(Integer.class))
                        .isEqualTo(Integer.parseInt(server.group(1).substring(server.group(1).lastIndexOf(':') + 1)));
            }
            metadata.dropAll(engine);
        }
    }

    @Test
    void whenNoHostAnswersTheErrorNamesEachHostAndWhy() throws IOException {
        Matcher server = server();
        int first = closedPort();
        int second = closedPort();
        String url = "jdbc:mariadb://127.0.0.1:" + first + ",127.0.0.1:" + second + server.group(2);
        try (Engine engine = Engine.create(url, Map.of("pool-size", 2, "acquisition-timeout-seconds", 5))) {
            SessionFactory sessions = SessionFactory.of(engine, Metadata.of(Note.class));
            assertThatThrownBy(() -> sessions.useTransaction(session -> session.add(new Note("nowhere"))))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessage("Cannot connect to " + engine.location() + ": no host accepts writes: 127.0.0.1:" + first
                            + " (Socket fail to connect to 127.0.0.1:" + first + ". Connection refused), 127.0.0.1:" + second
                            + " (Socket fail to connect to 127.0.0.1:" + second + ". Connection refused). Nothing was written. "
                            + "To fix this, check that the database server is running and reachable there, and that the URL "
                            + "and credentials are right; retrying is safe once it is.");
            assertThat(engine.location()).isEqualTo(dev.retort.engine.EngineUrl.masked(url));
        }
    }

    private static Matcher server() {
        Matcher server = SERVER.matcher(TestDatabase.MARIADB.url());
        assertThat(server.matches()).as("RETORT_TEST_MARIADB_URL is jdbc:mariadb://host:port/database?...").isTrue();
        return server;
    }

    /** A port nothing listens on (just released by this JVM). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
