package dev.retort.it.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.agroal.api.AgroalDataSource;

import dev.retort.it.TestDatabase;

/** The application's DataSource bean on PostgreSQL ({@code RETORT_TEST_POSTGRES_URL}), an XA pool. */
@ApplicationScoped
public class PostgresPool {

    @Produces
    @ApplicationScoped
    AgroalDataSource dataSource(TransactionManager transactions, TransactionSynchronizationRegistry registry) {
        return XaPools.postgres(TestDatabase.POSTGRESQL.url(), transactions, registry);
    }

    void close(@Disposes AgroalDataSource dataSource) {
        dataSource.close();
    }
}
