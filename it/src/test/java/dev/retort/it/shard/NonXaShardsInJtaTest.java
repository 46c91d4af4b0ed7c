package dev.retort.it.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.narayana.NarayanaTransactionIntegration;

import dev.retort.DatabaseException;
import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.dialect.Dialects;
import dev.retort.it.ExpectedLog;
import dev.retort.shard.JtaShardedSessions;
import dev.retort.shard.ShardedSession;
import dev.retort.shard.ShardedSessionFactory;

/**
 * Shards whose pools are not XA, in one Narayana transaction: the first shard's connection enlists as the one
 * resource that commits in one phase, and the second cannot enlist beside it, so the write to the second shard
 * fails saying why and nothing commits. A unit of work spans shards only when their pools are XA.
 */
class NonXaShardsInJtaTest {

    private static AgroalDataSource nonXaPool(String url, TransactionManager transactions,
                                              TransactionSynchronizationRegistry registry) throws SQLException {
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool
                        .maxSize(2)
                        .acquisitionTimeout(Duration.ofSeconds(5))
                        .transactionIntegration(new NarayanaTransactionIntegration(transactions, registry))
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl(url).autoCommit(true))));
    }

    @Test
    void aUnitOfWorkOverTwoShardsThatAreNotXaFailsAtTheSecondShard() throws Exception {
        TransactionManager transactions = com.arjuna.ats.jta.TransactionManager.transactionManager();
        TransactionSynchronizationRegistry registry =
                new com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple();
        ExpectedLog narayana = ExpectedLog.capture("com.arjuna");
        try (AgroalDataSource eu = nonXaPool("jdbc:h2:mem:retort_nonxa_eu;DB_CLOSE_DELAY=-1", transactions, registry);
             AgroalDataSource us = nonXaPool("jdbc:h2:mem:retort_nonxa_us;DB_CLOSE_DELAY=-1", transactions, registry)) {
            Map<String, Engine> engines = new LinkedHashMap<>();
            engines.put("eu", Engine.of(eu, Dialects.byName("h2").orElseThrow(), "H2 shard eu", false));
            engines.put("us", Engine.of(us, Dialects.byName("h2").orElseThrow(), "H2 shard us", false));
            ShardedSessionFactory factory = ShardedSessionFactory.of(engines, Metadata.of(City.class),
                    city -> XaShards.SHARD_OF_CONTINENT.get(((City) city).continent), (type, id) -> List.of("eu", "us"),
                    query -> List.of("eu", "us"));
            engines.values().forEach(engine -> factory.metadata().createAll(engine));
            JtaShardedSessions sessions = new JtaShardedSessions(factory, registry);

            transactions.begin();
            try {
                ShardedSession session = sessions.current();
                session.add(new City(1, "europe", "Paris", 2_100_000));
                session.add(new City(2, "america", "Boston", 650_000));
                assertThatThrownBy(session::flush).isExactlyInstanceOf(DatabaseException.class)
                        .hasMessageStartingWith("Cannot connect to H2 shard us: ")
                        .hasMessageEndingWith(". The pool could not enlist the connection in the current JTA transaction, "
                                + "which already holds a connection of another data source that is not XA. To fix this, make "
                                + "the data sources XA (in Quarkus quarkus.datasource.\"name\".jdbc.transactions=xa), or use one "
                                + "database per transaction.");
            } finally {
                transactions.rollback();
            }
            try (ShardedSession session = factory.open()) {
                assertThat(session.query(City.class).count()).isZero();
            }
        } finally {
            narayana.close();
        }
    }
}
