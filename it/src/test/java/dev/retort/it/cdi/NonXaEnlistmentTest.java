package dev.retort.it.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.transaction.TransactionManager;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.narayana.NarayanaTransactionIntegration;

import dev.retort.DatabaseException;
import dev.retort.it.ExpectedLog;
import dev.retort.Engine;
import dev.retort.dialect.Dialects;

/**
 * Two pools that are not XA in one Narayana transaction: the second cannot enlist. The error must say so,
 * not send the reader to check whether the database server is running.
 */
class NonXaEnlistmentTest {

    private static AgroalDataSource nonXaPool(String url, TransactionManager transactions) throws SQLException {
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool
                        .maxSize(2)
                        .acquisitionTimeout(Duration.ofSeconds(5))
                        .transactionIntegration(new NarayanaTransactionIntegration(transactions,
                                new com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple()))
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl(url).autoCommit(true))));
    }

    @Test
    void aSecondNonXaDataSourceInOneTransactionIsExplained() throws Exception {
        TransactionManager transactions = com.arjuna.ats.jta.TransactionManager.transactionManager();
        ExpectedLog narayana = ExpectedLog.capture("com.arjuna");
        try (AgroalDataSource first = nonXaPool("jdbc:h2:mem:enlist_first;DB_CLOSE_DELAY=-1", transactions);
             AgroalDataSource second = nonXaPool("jdbc:h2:mem:enlist_second;DB_CLOSE_DELAY=-1", transactions)) {
            Engine engine = Engine.of(second, Dialects.byName("h2").orElseThrow(), "H2 mem:enlist_second", false);
            transactions.begin();
            Connection enlisted = first.getConnection();
            try {
                assertThat(enlisted.isValid(1)).isTrue();
                assertThatThrownBy(engine::connect)
                        .isExactlyInstanceOf(DatabaseException.class)
                        .hasMessageStartingWith("Cannot connect to H2 mem:enlist_second: ")
                        .hasMessageEndingWith(". The pool could not enlist the connection in the current JTA transaction, "
                                + "which already holds a connection of another data source that is not XA. To fix this, make "
                                + "the data sources XA (in Quarkus quarkus.datasource.\"name\".jdbc.transactions=xa), or use one "
                                + "database per transaction.");
            } finally {
                transactions.rollback();
                enlisted.close();
            }
        } finally {
            // Narayana reports that the branch which failed to enlist could not roll back: expected here.
            narayana.close();
        }
        assertThat(narayana.warnings()).singleElement().asString().startsWith(
                "WARN ARJUNA016045: attempted rollback of < formatId=");
    }
}
