package dev.retort.it.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.agroal.api.AgroalDataSource;

/** The application's DataSource bean, as a CDI application on Weld + Narayana declares it: an XA pool on H2. */
@ApplicationScoped
public class H2Pool {

    @Produces
    @ApplicationScoped
    AgroalDataSource dataSource(TransactionManager transactions, TransactionSynchronizationRegistry registry) {
        return XaPools.h2(transactions, registry);
    }

    void close(@Disposes AgroalDataSource dataSource) {
        dataSource.close();
    }
}
