package dev.retort.it.shard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.agroal.api.AgroalDataSource;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.dialect.Dialects;
import dev.retort.shard.JtaShardedSessions;
import dev.retort.shard.ShardedSessionFactory;

/**
 * Two shards on in-memory H2 databases behind Agroal pools of H2's XA data source, enlisted in Narayana's JTA
 * transactions, and the sharded sessions bound to those transactions: the CDI wiring an application writes.
 */
@ApplicationScoped
public class XaShards {
    static final Map<String, String> SHARD_OF_CONTINENT = Map.of("europe", "eu", "america", "us");

    private final Map<String, AgroalDataSource> pools = new LinkedHashMap<>();
    private final Map<String, Engine> engines = new LinkedHashMap<>();

    // Singleton, not ApplicationScoped: Retort's types are final, so they are produced without a client proxy.
    @Produces
    @Singleton
    ShardedSessionFactory shards(TransactionManager transactions, TransactionSynchronizationRegistry registry) {
        for (String shard : List.of("eu", "us")) {
            AgroalDataSource pool = H2XaPool.open("jdbc:h2:mem:retort_xa_shard_" + shard + ";DB_CLOSE_DELAY=-1", transactions, registry);
            pools.put(shard, pool);
            engines.put(shard, Engine.of(pool, Dialects.byName("h2").orElseThrow(), "H2 XA shard " + shard, false));
        }
        return ShardedSessionFactory.of(engines, Metadata.of(City.class),
                city -> SHARD_OF_CONTINENT.get(((City) city).continent),
                (type, id) -> List.of("eu", "us"),
                query -> List.of("eu", "us"));
    }

    @Produces
    @Singleton
    JtaShardedSessions sessions(ShardedSessionFactory factory, TransactionSynchronizationRegistry registry) {
        return new JtaShardedSessions(factory, registry);
    }

    @PreDestroy
    void close() {
        engines.values().forEach(Engine::close);
        pools.values().forEach(AgroalDataSource::close);
    }
}
