package dev.retort.it.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.agroal.api.AgroalDataSource;

import dev.retort.it.TestDatabase;

/** Two XA DataSource beans, told apart by name: {@code h2} (Retort's, by retort.datasource) and {@code pg}. */
@ApplicationScoped
public class TwoDatabases {

    @Produces
    @ApplicationScoped
    @Named("h2")
    AgroalDataSource h2(TransactionManager transactions, TransactionSynchronizationRegistry registry) {
        return XaPools.h2(transactions, registry);
    }

    @Produces
    @ApplicationScoped
    @Named("pg")
    AgroalDataSource postgres(TransactionManager transactions, TransactionSynchronizationRegistry registry) {
        return XaPools.postgres(TestDatabase.POSTGRESQL.url(), transactions, registry);
    }

    void close(@Disposes @Named("h2") AgroalDataSource dataSource) {
        dataSource.close();
    }

    void closePostgres(@Disposes @Named("pg") AgroalDataSource dataSource) {
        dataSource.close();
    }
}
