package dev.retort.it.shard;

import java.sql.SQLException;
import java.time.Duration;

import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.narayana.NarayanaTransactionIntegration;

/** An Agroal pool of H2's XA data source enlisted in Narayana's transactions: one shard of the sharded CDI tests. */
final class H2XaPool {
    private H2XaPool() {
    }

    static AgroalDataSource open(String url, TransactionManager transactions, TransactionSynchronizationRegistry registry) {
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool
                        .maxSize(5)
                        .acquisitionTimeout(Duration.ofSeconds(10))
                        .transactionIntegration(new NarayanaTransactionIntegration(transactions, registry))
                        .connectionFactoryConfiguration(factory -> factory
                                .connectionProviderClass(org.h2.jdbcx.JdbcDataSource.class)
                                .xaProperty("URL", url)
                                .autoCommit(true)));
        try {
            return AgroalDataSource.from(configuration);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the XA pool to " + url + ": " + e.getMessage(), e);
        }
    }
}
