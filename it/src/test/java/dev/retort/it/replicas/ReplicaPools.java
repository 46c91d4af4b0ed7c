package dev.retort.it.replicas;

import java.sql.SQLException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.narayana.NarayanaTransactionIntegration;

/**
 * The DataSource beans of a CDI application over the PostgreSQL cluster: the primary as an XA pool that enlists in
 * Narayana's transactions, each replica as a plain pool (a hot standby cannot prepare an XA transaction; its
 * read-only sessions run their own read-only transactions).
 */
@ApplicationScoped
public class ReplicaPools {

    @Produces
    @ApplicationScoped
    @Named("primary")
    AgroalDataSource primary(TransactionManager transactions, TransactionSynchronizationRegistry registry) {
        return pool(Cluster.POSTGRESQL.url(0), new NarayanaTransactionIntegration(transactions, registry), true);
    }

    @Produces
    @ApplicationScoped
    @Named("replica1")
    AgroalDataSource replica1() {
        return pool(Cluster.POSTGRESQL.url(1), null, false);
    }

    @Produces
    @ApplicationScoped
    @Named("replica2")
    AgroalDataSource replica2() {
        return pool(Cluster.POSTGRESQL.url(2), null, false);
    }

    void close(@Disposes @jakarta.enterprise.inject.Any AgroalDataSource dataSource) {
        dataSource.close();
    }

    private static AgroalDataSource pool(String url, NarayanaTransactionIntegration integration, boolean xa) {
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> {
                    pool.maxSize(5).acquisitionTimeout(Duration.ofSeconds(20));
                    if (integration != null) {
                        pool.transactionIntegration(integration);
                    }
                    return pool.connectionFactoryConfiguration(factory -> xa
                            ? factory.autoCommit(true).connectionProviderClass(org.postgresql.xa.PGXADataSource.class)
                                    .xaProperty("url", url)
                            : factory.autoCommit(true).jdbcUrl(url));
                });
        try {
            return AgroalDataSource.from(configuration);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the pool to " + url + ": " + e.getMessage(), e);
        }
    }
}
