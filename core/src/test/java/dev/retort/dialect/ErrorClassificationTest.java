package dev.retort.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;

import org.junit.jupiter.api.Test;

/** How each dialect reads the errors its driver reports (the SQLStates and vendor codes the servers send). */
class ErrorClassificationTest {
    private static Dialect dialect(String name) {
        return Dialects.byName(name).orElseThrow();
    }

    @Test
    void postgresqlTerminatedAndShutdownSessionsAreLostConnections() {
        Dialect postgres = dialect("postgresql");
        assertThat(postgres.classify(new SQLException("terminating connection due to administrator command", "57P01")))
                .isEqualTo(ErrorKind.CONNECTION_FAILURE);
        assertThat(postgres.classify(new SQLException("the database system is starting up", "57P03")))
                .isEqualTo(ErrorKind.CONNECTION_FAILURE);
        assertThat(postgres.classify(new SQLException("An I/O error occurred while sending to the backend.", "08006")))
                .isEqualTo(ErrorKind.CONNECTION_FAILURE);
        assertThat(postgres.classify(new SQLException("deadlock detected", "40P01"))).isEqualTo(ErrorKind.TRANSACTION_CONFLICT);
        assertThat(postgres.classify(new SQLException("could not serialize access", "40001"))).isEqualTo(ErrorKind.TRANSACTION_CONFLICT);
        assertThat(postgres.classify(new SQLException("canceling statement due to statement timeout", "57014")))
                .isEqualTo(ErrorKind.QUERY_TIMEOUT);
        assertThat(postgres.classify(new SQLException("duplicate key", "23505"))).isEqualTo(ErrorKind.UNIQUE_VIOLATION);
        assertThat(postgres.classify(new SQLException("syntax error", "42601"))).isEqualTo(ErrorKind.OTHER);
    }

    @Test
    void mariadbTellsItsErrorsApartByVendorCode() {
        Dialect mariadb = dialect("mariadb");
        assertThat(mariadb.classify(new SQLException("Connection was killed", "70100", 1927))).isEqualTo(ErrorKind.CONNECTION_FAILURE);
        assertThat(mariadb.classify(new SQLException("Server shutdown in progress", "08S01", 1053))).isEqualTo(ErrorKind.CONNECTION_FAILURE);
        assertThat(mariadb.classify(new SQLException("Deadlock found", "40001", 1213))).isEqualTo(ErrorKind.TRANSACTION_CONFLICT);
        assertThat(mariadb.classify(new SQLException("Lock wait timeout exceeded", "HY000", 1205))).isEqualTo(ErrorKind.TRANSACTION_CONFLICT);
        assertThat(mariadb.classify(new SQLException("max_statement_time exceeded", "70100", 1969))).isEqualTo(ErrorKind.QUERY_TIMEOUT);
        assertThat(mariadb.classify(new SQLException("Duplicate entry", "23000", 1062))).isEqualTo(ErrorKind.UNIQUE_VIOLATION);
    }

    @Test
    void driverExceptionTypesSpeakForEveryDatabase() {
        for (String name : Dialects.NAMES) {
            assertThat(dialect(name).classify(new SQLTimeoutException("timed out"))).isEqualTo(ErrorKind.QUERY_TIMEOUT);
            assertThat(dialect(name).classify(new SQLNonTransientConnectionException("socket closed")))
                    .isEqualTo(ErrorKind.CONNECTION_FAILURE);
        }
        assertThat(dialect("sqlite").classify(new SQLException("[SQLITE_INTERRUPT] interrupted", null, 9)))
                .isEqualTo(ErrorKind.QUERY_TIMEOUT);
        assertThat(dialect("sqlite").classify(new SQLException("[SQLITE_BUSY] database is locked", null, 5)))
                .isEqualTo(ErrorKind.TRANSACTION_CONFLICT);
    }

    @Test
    void aMissingTableIsToldApartOnEveryDatabase() {
        assertThat(dialect("postgresql").classify(new SQLException("relation \"orders\" does not exist", "42P01")))
                .isEqualTo(ErrorKind.MISSING_TABLE);
        assertThat(dialect("h2").classify(new SQLException("Table \"ORDERS\" not found", "42S02", 42102)))
                .isEqualTo(ErrorKind.MISSING_TABLE);
        assertThat(dialect("mariadb").classify(new SQLException("Table 'retort.orders' doesn't exist", "42S02", 1146)))
                .isEqualTo(ErrorKind.MISSING_TABLE);
        assertThat(dialect("sqlite").classify(new SQLException("[SQLITE_ERROR] SQL error or missing database (no such table: orders)", null, 1)))
                .isEqualTo(ErrorKind.MISSING_TABLE);
    }

    @Test
    void thePoolDestroysAConnectionWhoseErrorChainHoldsAConnectionFailure() {
        Dialect postgres = dialect("postgresql");
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "08006", new int[0]);
        batch.setNextException(new SQLException("terminating connection due to administrator command", "57P01"));
        assertThat(postgres.isConnectionFatal(batch)).isTrue();
        assertThat(postgres.isConnectionFatal(new SQLException("duplicate key", "23505"))).isFalse();
    }
}
