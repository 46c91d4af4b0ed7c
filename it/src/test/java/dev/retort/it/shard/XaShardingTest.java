package dev.retort.it.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import jakarta.enterprise.inject.spi.Extension;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.retort.InvalidRequestException;
import dev.retort.TransactionRequiredException;
import dev.retort.shard.JtaShardedSessions;
import dev.retort.shard.ShardedSessionFactory;

/**
 * A unit of work that spans shards, allowed because the shards are XA data sources in one JTA transaction
 * (Weld, Narayana, Agroal over H2's XA data source): both shards commit together, or neither keeps anything.
 * Outside JTA the sharded session still refuses it ({@link ShardingScenarios}).
 */
class XaShardingTest {
    private static WeldContainer container;
    private static ShardedSessionFactory factory;

    @BeforeAll
    static void start() {
        Weld weld = new Weld("xa-shards").disableDiscovery().addBeanClasses(XaShards.class, XaCities.class);
        // Narayana's extension (transactions, @Transactional); not Retort's, which would want one DataSource of its own.
        ServiceLoader.load(Extension.class).stream().filter(provider -> !provider.type().getName().startsWith("dev.retort."))
                .forEach(provider -> weld.addExtension(provider.get()));
        container = weld.initialize();
        factory = container.select(ShardedSessionFactory.class).get();
    }

    @AfterAll
    static void stop() {
        if (container != null) {
            container.close();
        }
    }

    @BeforeEach
    void freshTables() {
        for (String shard : factory.shardNames()) {
            factory.metadata().dropAll(factory.engine(shard));
            factory.metadata().createAll(factory.engine(shard));
        }
    }

    private List<String> rowsOf(String shard) {
        List<String> rows = new ArrayList<>();
        try (Connection connection = factory.engine(shard).connect();
             PreparedStatement statement = connection.prepareStatement("SELECT id, name, population FROM shard_cities ORDER BY id");
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(result.getLong(1) + ":" + result.getString(2) + ":" + result.getInt(3));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return rows;
    }

    @Test
    void oneTransactionWritesToBothShardsAndCommitsThemTogether() {
        XaCities cities = container.select(XaCities.class).get();

        String shards = cities.add(new City(1, "europe", "Paris", 2_100_000), new City(2, "america", "Boston", 650_000));

        assertThat(shards).isEqualTo("eu,us");
        assertThat(rowsOf("eu")).containsExactly("1:Paris:2100000");
        assertThat(rowsOf("us")).containsExactly("2:Boston:650000");
    }

    @Test
    void aFailureAfterBothShardsWroteRollsBothBack() {
        XaCities cities = container.select(XaCities.class).get();

        assertThatThrownBy(() -> cities.addThenFail(new City(1, "europe", "Paris", 2_100_000),
                new City(2, "america", "Boston", 650_000)))
                .isInstanceOf(IllegalStateException.class).hasMessage("failing after writing to every shard");

        assertThat(rowsOf("eu")).isEmpty();
        assertThat(rowsOf("us")).isEmpty();
    }

    @Test
    void changesToObjectsOfBothShardsAreFlushedAtCommit() {
        XaCities cities = container.select(XaCities.class).get();
        cities.add(new City(1, "europe", "Paris", 2_100_000), new City(1, "america", "Boston", 650_000));

        cities.setPopulationEverywhere(1, 7);

        assertThat(rowsOf("eu")).containsExactly("1:Paris:7");
        assertThat(rowsOf("us")).containsExactly("1:Boston:7");
    }

    @Test
    void theTransactionsShardedSessionLeavesTheTransactionToTheContainer() {
        XaCities cities = container.select(XaCities.class).get();

        assertThatThrownBy(cities::beginInside).isInstanceOf(InvalidRequestException.class)
                .hasMessage("session.begin() is not allowed on a container-managed session: the container owns the "
                        + "transaction. To fix this, remove the call and let @jakarta.transaction.Transactional commit when "
                        + "the method returns (throw an exception or call setRollbackOnly() to roll back).");
    }

    @Test
    void outsideATransactionTheJtaSessionsSayWhatIsMissing() {
        JtaShardedSessions sessions = container.select(JtaShardedSessions.class).get();

        assertThatThrownBy(sessions::current).isInstanceOf(TransactionRequiredException.class)
                .hasMessage("No JTA transaction is active on this thread, and a sharded session of JtaShardedSessions "
                        + "lives as long as one. To fix this, annotate the calling method with "
                        + "@jakarta.transaction.Transactional, begin a UserTransaction, or use shardedSessionFactory.open() "
                        + "outside JTA.");
    }
}
