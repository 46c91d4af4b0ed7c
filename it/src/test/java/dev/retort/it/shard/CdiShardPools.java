package dev.retort.it.shard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.agroal.api.AgroalDataSource;

/**
 * The DataSource beans of a sharded CDI application, as {@code retort.shards=eu,us} names them: Agroal pools of H2's
 * XA data source, enlisted in Narayana's transactions, so that one transaction may write to both shards.
 */
@ApplicationScoped
public class CdiShardPools {

    @Produces
    @ApplicationScoped
    @Named("eu")
    AgroalDataSource eu(TransactionManager transactions, TransactionSynchronizationRegistry registry) {
        return H2XaPool.open("jdbc:h2:mem:retort_cdi_shard_eu;DB_CLOSE_DELAY=-1", transactions, registry);
    }

    @Produces
    @ApplicationScoped
    @Named("us")
    AgroalDataSource us(TransactionManager transactions, TransactionSynchronizationRegistry registry) {
        return H2XaPool.open("jdbc:h2:mem:retort_cdi_shard_us;DB_CLOSE_DELAY=-1", transactions, registry);
    }

    void close(@Disposes @Any AgroalDataSource dataSource) {
        dataSource.close();
    }
}
