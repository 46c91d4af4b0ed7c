package dev.retort.it.cdi;

import java.sql.SQLException;
import java.time.Duration;

import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.narayana.NarayanaTransactionIntegration;

/**
 * Agroal pools over XA data sources that enlist their connections in Narayana's JTA transactions, as an
 * application server's pools do.
 */
final class XaPools {
    /** The H2 database of the CDI tests; kept alive between connections. */
    static final String H2_URL = "jdbc:h2:mem:retort_cdi;DB_CLOSE_DELAY=-1";

    private XaPools() {
    }

    static AgroalDataSource h2(TransactionManager transactions, TransactionSynchronizationRegistry registry) {
        return pool(org.h2.jdbcx.JdbcDataSource.class, "URL", H2_URL, transactions, registry);
    }

    /** PostgreSQL at {@code jdbcUrl} (credentials in the URL), through its XA data source. */
    static AgroalDataSource postgres(String jdbcUrl, TransactionManager transactions, TransactionSynchronizationRegistry registry) {
        return pool(org.postgresql.xa.PGXADataSource.class, "url", jdbcUrl, transactions, registry);
    }

    private static AgroalDataSource pool(Class<?> xaDataSource, String urlProperty, String url,
                                         TransactionManager transactions, TransactionSynchronizationRegistry registry) {
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool
                        .maxSize(10)
                        .acquisitionTimeout(Duration.ofSeconds(20))
                        .transactionIntegration(new NarayanaTransactionIntegration(transactions, registry))
                        .connectionFactoryConfiguration(factory -> factory
                                .connectionProviderClass(xaDataSource)
                                .xaProperty(urlProperty, url)
                                .autoCommit(true)));
        try {
            return AgroalDataSource.from(configuration);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the XA pool to " + url + ": " + e.getMessage(), e);
        }
    }
}
