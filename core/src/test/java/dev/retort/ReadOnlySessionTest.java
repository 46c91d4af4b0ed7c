package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.retort.testing.NotesOnH2;
import dev.retort.testing.NotesOnH2.Note;

/**
 * Read-only sessions on an engine without replicas (they read from the primary) and the engine's replica
 * options that need no server; the routing itself is tested on real replicas in it/'s replicas package.
 */
class ReadOnlySessionTest {
    private NotesOnH2 notes;
    private SessionFactory sessions;

    @BeforeEach
    void createNotes() {
        notes = NotesOnH2.create("read-only", Map.of());
        sessions = notes.sessions();
        sessions.useTransaction(session -> session.add(new Note(1, "kept")));
    }

    @AfterEach
    void closeEngine() {
        notes.close();
    }

    @Test
    void readsWithoutReplicasComeFromThePrimaryInAReadOnlyTransaction() {
        try (Session session = sessions.open(ReadOnly.readYourWrites())) {
            assertThat(session.get(Note.class, 1L).text).isEqualTo("kept");
            assertThat(session.sql("SELECT COUNT(*) FROM notes").scalar(Long.class)).isEqualTo(1L);
            session.commit();
        }
        assertThat(notes.engine().replicasInRotation()).isEmpty();
        assertThat(sessions.lastCommit()).isEqualTo(CommitToken.NONE);
    }

    @Test
    void addIsRefusedWithTheFix() {
        try (Session session = sessions.open(ReadOnly.readYourWrites())) {
            assertThatThrownBy(() -> session.add(new Note(2, "new")))
                    .isExactlyInstanceOf(InvalidRequestException.class)
                    .hasMessage("Cannot add Note: this session was opened read-only "
                            + "(ReadOnly.readYourWrites()) and reads from a replica, which takes no writes. To fix this, "
                            + "write in a session from sessions.open(), whose transactions run on the primary.");
        }
    }

    @Test
    void aFlushWithChangesIsRefusedAndNothingIsWritten() {
        try (Session session = sessions.open(ReadOnly.maybeStale())) {
            session.get(Note.class, 1L).text = "changed";
            assertThatThrownBy(session::commit)
                    .isExactlyInstanceOf(InvalidRequestException.class)
                    .hasMessage("Cannot flush changes: this session was opened read-only (ReadOnly.maybeStale()) and reads "
                            + "from a replica, which takes no writes. To fix this, write in a session from sessions.open(), "
                            + "whose transactions run on the primary.");
        }
        String text = sessions.inTransaction(session -> session.get(Note.class, 1L).text);
        assertThat(text).isEqualTo("kept");
    }

    @Test
    void bulkUpdateAndDeleteAreRefused() {
        CommitToken token = CommitToken.parse("0/3000148");
        try (Session session = sessions.open(ReadOnly.after(token))) {
            assertThatThrownBy(() -> session.delete(Note.class).execute())
                    .isExactlyInstanceOf(InvalidRequestException.class)
                    .hasMessage("Cannot delete Note rows: this session was opened read-only (ReadOnly.after(0/3000148)) and "
                            + "reads from a replica, which takes no writes. To fix this, write in a session from "
                            + "sessions.open(), whose transactions run on the primary.");
        }
    }

    @Test
    void aCommitTokenTravelsAsText() {
        CommitToken token = CommitToken.parse("0-1-42");
        assertThat(token.toString()).isEqualTo("0-1-42");
        assertThat(CommitToken.parse(token.toString())).isEqualTo(token);
        assertThat(CommitToken.parse("")).isSameAs(CommitToken.NONE);
        assertThat(CommitToken.parse(null)).isSameAs(CommitToken.NONE);
    }

    @Test
    void replicasNeedADatabaseWithReplication() {
        assertThatThrownBy(() -> Engine.create("h2:mem:x", Map.of("replicas", "h2:mem:y")))
                .isExactlyInstanceOf(ConfigurationException.class)
                .hasMessage("Engine option replicas is set, but Retort routes reads to replicas only on PostgreSQL (streaming "
                        + "replication) and MariaDB (GTID replication), not on H2. To fix this, remove the option.");
    }

    @Test
    void replicaUrlsAreSplitWhereTheNextUrlStartsSoMultiHostUrlsStayWhole() {
        try (Engine routed = Engine.create("postgresql://app:pw@127.0.0.1:1/db", Map.of("replicas",
                "postgresql://app:pw@127.0.0.1:2,127.0.0.1:3/db , jdbc:postgresql://127.0.0.1:4/db",
                "replicas.check-interval", "0"))) {
            assertThat(routed.replicasInRotation()).containsExactly(
                    "PostgreSQL at 127.0.0.1:2,127.0.0.1:3 (database 'db', user 'app')", "jdbc:postgresql://127.0.0.1:4/db");
        }
    }

    @Test
    void replicasMayBeGivenAsAList() {
        try (Engine routed = Engine.create("postgresql://app:pw@127.0.0.1:1/db", Map.of("replicas",
                java.util.List.of("postgresql://app:pw@127.0.0.1:2/db", "postgresql://app:pw@127.0.0.1:3/db"),
                "replicas.check-interval", "0"))) {
            assertThat(routed.replicasInRotation()).hasSize(2);
        }
    }

    @Test
    void anEngineOverTheApplicationsOwnPoolsTakesReplicaPoolsByLocation() {
        org.postgresql.ds.PGSimpleDataSource primary = new org.postgresql.ds.PGSimpleDataSource();
        org.postgresql.ds.PGSimpleDataSource replica = new org.postgresql.ds.PGSimpleDataSource();
        dev.retort.dialect.Dialect postgres = dev.retort.dialect.Dialects.byName("postgresql").orElseThrow();
        try (Engine routed = Engine.of(primary, Map.of("replica db2", replica), postgres, "PostgreSQL db1",
                Map.of("replicas.check-interval", "0", "replicas.wait", "250ms"))) {
            assertThat(routed.replicasInRotation()).containsExactly("replica db2");
            assertThat(routed.dataSource()).isSameAs(primary);
        }
        assertThatThrownBy(() -> Engine.of(primary, Map.of(), postgres, "PostgreSQL db1", Map.of("pool-size", 3)))
                .isExactlyInstanceOf(ConfigurationException.class)
                .hasMessage("Engine option 'pool-size' does not apply to an engine over the application's own pools. Valid "
                        + "options here: replicas.check-interval, replicas.max-lag, replicas.wait, metrics, tracing.");
    }
}
