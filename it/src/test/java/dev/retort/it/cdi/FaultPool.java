package dev.retort.it.cdi;

import java.sql.SQLException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ConnectionValidator;
import io.agroal.api.configuration.supplier.AgroalConnectionPoolConfigurationSupplier;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.narayana.NarayanaTransactionIntegration;

import dev.retort.dialect.Dialects;
import dev.retort.it.faults.FaultServer;

/**
 * The application's DataSource bean over the fault suite's PostgreSQL server: an Agroal pool enlisted in
 * Narayana's transactions, configured as the test chose ({@link #use}) before booting the container.
 */
@ApplicationScoped
public class FaultPool {
    static final int ACQUISITION_TIMEOUT_SECONDS = 5;

    /** How the pool is built: through an XA data source or the driver, as the README shows it or as it recommends. */
    enum Setup {
        XA_AS_DOCUMENTED(true, false),
        XA_RECOMMENDED(true, true),
        LOCAL_AS_DOCUMENTED(false, false),
        LOCAL_RECOMMENDED(false, true);

        final boolean xa;
        final boolean recommended;

        Setup(boolean xa, boolean recommended) {
            this.xa = xa;
            this.recommended = recommended;
        }
    }

    private static volatile Setup setup;

    /** Chooses the pool of the next container to boot. */
    static void use(Setup chosen) {
        setup = chosen;
    }

    @Produces
    @ApplicationScoped
    AgroalDataSource dataSource(TransactionManager transactions, TransactionSynchronizationRegistry registry) {
        String url = FaultServer.POSTGRESQL.jdbcUrl();
        Setup chosen = setup;
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> {
                    pool.maxSize(10)
                            .transactionIntegration(new NarayanaTransactionIntegration(transactions, registry))
                            .connectionFactoryConfiguration(factory -> chosen.xa
                                    ? factory.connectionProviderClass(org.postgresql.xa.PGXADataSource.class).xaProperty("url", url)
                                    : factory.jdbcUrl(url));
                    return chosen.recommended ? recommended(pool) : pool;
                });
        try {
            return AgroalDataSource.from(configuration);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the pool to " + url + ": " + e.getMessage(), e);
        }
    }

    /** The lines the README recommends for an application's Agroal pool on PostgreSQL. */
    private static AgroalConnectionPoolConfigurationSupplier recommended(AgroalConnectionPoolConfigurationSupplier pool) {
        return pool.acquisitionTimeout(Duration.ofSeconds(ACQUISITION_TIMEOUT_SECONDS))
                .validateOnBorrow(true)
                .connectionValidator(ConnectionValidator.defaultValidatorWithTimeout(ACQUISITION_TIMEOUT_SECONDS))
                .exceptionSorter(Dialects.byName("postgresql").orElseThrow()::isConnectionFatal);
    }

    void close(@Disposes AgroalDataSource dataSource) {
        dataSource.close();
    }
}
