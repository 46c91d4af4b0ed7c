package dev.retort.it.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.retort.ConfigurationException;
import dev.retort.InvalidRequestException;
import dev.retort.TransactionRequiredException;
import dev.retort.shard.ShardedSessionFactory;

/**
 * A sharded unit from CDI configuration (Weld, Narayana, Agroal over H2's XA data source): {@code retort.shards} names
 * the shards' DataSource beans, the application's {@link ContinentChooser} bean places new cities, and the injected
 * {@code ShardedSession} is the current JTA transaction's, so one transaction writes to both shards and commits them
 * together.
 */
class CdiShardsTest {
    private static WeldContainer container;
    private static ShardedSessionFactory factory;

    @BeforeAll
    static void start() {
        container = start("cdi-shards", "eu,us", CdiShardPools.class, ContinentChooser.class, CdiCities.class);
        factory = container.select(ShardedSessionFactory.class).get();
    }

    @AfterAll
    static void stop() {
        if (container != null) {
            container.close();
        }
    }

    /** A Weld container with every extension on the class path (Retort's and Narayana's) and the given beans. */
    private static WeldContainer start(String id, String shards, Class<?>... beans) {
        return start(id, Map.of("retort.shards", shards), beans);
    }

    private static WeldContainer start(String id, Map<String, String> settings, Class<?>... beans) {
        Map<String, String> properties = new java.util.HashMap<>(settings);
        properties.put("retort.entities", City.class.getName());
        properties.put("retort.schema-management.strategy", "drop-and-create");
        properties.forEach(System::setProperty);
        try {
            Weld weld = new Weld(id).disableDiscovery().addBeanClasses(beans);
            ServiceLoader.load(Extension.class).forEach(weld::addExtension);
            return weld.initialize();
        } finally {
            properties.keySet().forEach(System::clearProperty);
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
             PreparedStatement statement = connection.prepareStatement("SELECT id, name FROM shard_cities ORDER BY id");
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(result.getLong(1) + ":" + result.getString(2));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return rows;
    }

    @Test
    void theShardsAreTheNamedDataSourceBeansInTheirOrder() {
        assertThat(factory.shardNames()).containsExactly("eu", "us");
        assertThat(factory.engine("eu").location()).startsWith("H2 through the DataSource bean 'eu'");
    }

    @Test
    void oneTransactionPlacesEachCityOnItsShardAndCommitsBoth() {
        CdiCities cities = container.select(CdiCities.class).get();

        String shards = cities.add(new City(1, "europe", "Paris", 2_100_000), new City(2, "america", "Boston", 650_000),
                new City(3, "europe", "Lyon", 520_000));

        assertThat(shards).isEqualTo("eu,us,eu");
        assertThat(rowsOf("eu")).containsExactly("1:Paris", "3:Lyon");
        assertThat(rowsOf("us")).containsExactly("2:Boston");
        assertThat(cities.nameOf(2)).as("get without an IdChooser bean looks on every shard").isEqualTo("Boston");
        assertThat(cities.nameOf(4)).isNull();
        assertThat(cities.namesInOrder()).as("without a QueryChooser bean a query runs on every shard, merged")
                .containsExactly("Boston", "Lyon", "Paris");
    }

    @Test
    void aFailureAfterBothShardsWroteRollsBothBack() {
        CdiCities cities = container.select(CdiCities.class).get();

        Throwable failure = catchThrowable(() -> cities.addThenFail(new City(1, "europe", "Paris", 2_100_000),
                new City(2, "america", "Boston", 650_000)));

        assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessage("failing after writing to every shard");
        assertThat(rowsOf("eu")).isEmpty();
        assertThat(rowsOf("us")).isEmpty();
    }

    @Test
    void theContainerOwnsTheTransactionAndTheSession() {
        CdiCities cities = container.select(CdiCities.class).get();

        assertThat(catchThrowable(() -> cities.addThenCommit(new City(1, "europe", "Paris", 1))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("session.commit() is not allowed on a container-managed session: the container owns the "
                        + "transaction. To fix this, remove the call and let @jakarta.transaction.Transactional commit when "
                        + "the method returns (throw an exception or call setRollbackOnly() to roll back).");
        assertThat(catchThrowable(cities::close)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("session.close() is not allowed on an injected sharded session: the container closes it when "
                        + "the transaction ends. To fix this, remove the call (and do not put the injected session in a "
                        + "try-with-resources block).");
        assertThat(catchThrowable(() -> cities.addWithoutTransaction(new City(1, "europe", "Paris", 1))))
                .isInstanceOf(TransactionRequiredException.class)
                .hasMessage("No JTA transaction is active on this thread, and a sharded session of JtaShardedSessions lives "
                        + "as long as one. To fix this, annotate the calling method with @jakarta.transaction.Transactional, "
                        + "begin a UserTransaction, or use shardedSessionFactory.open() outside JTA.");
        assertThat(rowsOf("eu")).isEmpty();
    }

    @Test
    void withoutAShardChooserBeanTheDeploymentFailsSayingWhatToAdd() {
        Throwable failure = catchThrowable(() -> start("cdi-shards-no-chooser", "eu,us", CdiShardPools.class, CdiCities.class)
                .close());

        String message = "retort.shards lists eu, us, and there is no dev.retort.shard.ShardChooser bean to tell which of "
                + "them a new object goes to. To fix this, add one: an @ApplicationScoped class implementing ShardChooser "
                + "(entity -> the name of its shard), or a @Produces method returning it.";
        assertThat(failure).isInstanceOf(DeploymentException.class).hasMessage(message);
        assertThat(failure.getCause()).isInstanceOf(ConfigurationException.class).hasMessage(message);
    }

    @Test
    void twoShardChooserBeansFailTheDeployment() {
        Throwable failure = catchThrowable(() -> start("cdi-shards-two-choosers", "eu,us", CdiShardPools.class,
                ContinentChooser.class, EuropeOnlyChooser.class, CdiCities.class).close());

        String message = "Retort found several dev.retort.shard.ShardChooser beans (named: (unnamed) "
                + ContinentChooser.class.getName() + ", (unnamed) " + EuropeOnlyChooser.class.getName() + ") and cannot tell "
                + "which the shards use. To fix this, keep one, or mark the one to use @Priority and @Alternative.";
        assertThat(failure).isInstanceOf(DeploymentException.class).hasMessage(message);
        assertThat(failure.getCause()).isInstanceOf(ConfigurationException.class).hasMessage(message);
    }

    @Test
    void aSingleDatabaseSettingBesideTheShardsFailsTheDeployment() {
        Throwable failure = catchThrowable(() -> start("cdi-shards-and-datasource", Map.of("retort.shards", "eu,us",
                "retort.datasource", "eu"), CdiShardPools.class, ContinentChooser.class, CdiCities.class).close());

        String message = "retort.shards and retort.datasource are both set, and a sharded unit has no single database: "
                + "each shard is the DataSource bean retort.shards names. To fix this, remove retort.datasource.";
        assertThat(failure).isInstanceOf(DeploymentException.class).hasMessage(message);
        assertThat(failure.getCause()).isInstanceOf(ConfigurationException.class).hasMessage(message);
    }

    @Test
    void aShardNoDataSourceBeanHasFailsTheDeployment() {
        Throwable failure = catchThrowable(() -> start("cdi-shards-unknown", "eu,asia", CdiShardPools.class,
                ContinentChooser.class, CdiCities.class).close());

        String message = "retort.shards lists 'asia', but no javax.sql.DataSource bean has that name (named: eu, us). To fix "
                + "this, give the shard's DataSource bean @Named(\"asia\") or correct retort.shards.";
        assertThat(failure).isInstanceOf(DeploymentException.class).hasMessage(message);
        assertThat(failure.getCause()).isInstanceOf(ConfigurationException.class).hasMessage(message);
    }
}
