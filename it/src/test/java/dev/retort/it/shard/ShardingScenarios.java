package dev.retort.it.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.retort.Engine;
import dev.retort.Func;
import dev.retort.InvalidRequestException;
import dev.retort.Metadata;
import dev.retort.MultipleResultsFoundException;
import dev.retort.Row;
import dev.retort.UnsupportedFeatureException;
import dev.retort.shard.ShardedSession;
import dev.retort.shard.ShardedSessionFactory;

/**
 * Horizontal sharding on two real databases of one kind (the subclass opens them): where new objects land,
 * {@code get} across shards, fan-out queries merged, ordered and cut after the merge, the identity map keyed
 * by shard, and the refusal of a unit of work that writes to both shards. What reached each database is read
 * back with plain JDBC.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ShardingScenarios {
    private static final Map<String, String> SHARD_OF_CONTINENT = Map.of("europe", "eu", "america", "us");

    private final Map<String, Engine> engines = new LinkedHashMap<>();
    private ShardedSessionFactory sessions;
    /** The shards the query chooser named, per query run. */
    private final List<List<String>> routed = new ArrayList<>();

    /** The two shards' engines, "eu" first, "us" second. */
    protected abstract Map<String, Engine> openShards();

    @BeforeAll
    void openFactory() {
        engines.putAll(openShards());
        sessions = ShardedSessionFactory.of(engines, Metadata.of(City.class),
                city -> SHARD_OF_CONTINENT.get(((City) city).continent),
                (type, id) -> List.of("eu", "us"),
                query -> {
                    List<String> shards = query.values(City_.continent)
                            .map(continents -> continents.stream().map(SHARD_OF_CONTINENT::get).distinct().toList())
                            .orElse(List.of("eu", "us"));
                    routed.add(shards);
                    return shards;
                });
    }

    @AfterAll
    void closeEngines() {
        engines.values().forEach(Engine::close);
    }

    @BeforeEach
    void freshTables() {
        for (Engine engine : engines.values()) {
            sessions.metadata().dropAll(engine);
            sessions.metadata().createAll(engine);
        }
        routed.clear();
    }

    /** Each unit of work writes to one shard, so the two continents commit separately. */
    private void seed(City... cities) {
        try (ShardedSession session = sessions.open()) {
            for (City city : cities) {
                session.add(city);
                session.commit();
            }
        }
    }

    private List<String> rowsOf(String shard) {
        List<String> rows = new ArrayList<>();
        try (Connection connection = engines.get(shard).connect();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT id, name FROM shard_cities ORDER BY name");
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(result.getLong(1) + ":" + result.getString(2));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return rows;
    }

    private void insertDirectly(String shard, long id, String continent, String name, int population) {
        try (Connection connection = engines.get(shard).connect();
             PreparedStatement statement = connection.prepareStatement(
                     "INSERT INTO shard_cities (id, continent, name, population) VALUES (?, ?, ?, ?)")) {
            statement.setLong(1, id);
            statement.setString(2, continent);
            statement.setString(3, name);
            statement.setInt(4, population);
            statement.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void newObjectsLandOnTheShardTheChooserNames() {
        City paris = new City(1, "europe", "Paris", 2_100_000);
        City boston = new City(2, "america", "Boston", 650_000);
        try (ShardedSession session = sessions.open()) {
            session.add(paris);
            assertThat(session.shardOf(paris)).isEqualTo("eu");
            session.commit();
            session.add(boston);
            assertThat(session.shardOf(boston)).isEqualTo("us");
            session.commit();
            session.add(new City(3, "europe", "Lyon", 520_000));
            session.commit();
        }
        assertThat(rowsOf("eu")).containsExactly("3:Lyon", "1:Paris");
        assertThat(rowsOf("us")).containsExactly("2:Boston");
    }

    @Test
    void statisticsAddUpTheShards() {
        seed(new City(1, "europe", "Paris", 2_100_000), new City(2, "america", "Boston", 650_000));
        try (ShardedSession session = sessions.open()) {
            session.get(City.class, 1L);
            session.get(City.class, 2L);
            session.add(new City(3, "europe", "Lyon", 520_000));
            session.commit();
            assertThat(session.statistics().entitiesLoaded()).as("one city read on each shard").isEqualTo(2);
            assertThat(session.statistics().entitiesInserted()).isEqualTo(1);
            assertThat(session.statistics().transactions()).as("each shard's session committed").isEqualTo(2);
        }
    }

    @Test
    void getFindsAnObjectOnWhicheverShardHoldsIt() {
        seed(new City(1, "europe", "Paris", 2_100_000), new City(2, "america", "Boston", 650_000));
        try (ShardedSession session = sessions.open()) {
            City boston = session.get(City.class, 2L);
            assertThat(boston.name).isEqualTo("Boston");
            assertThat(session.shardOf(boston)).isEqualTo("us");
            City paris = session.get(City.class, 1L);
            assertThat(paris.name).isEqualTo("Paris");
            assertThat(session.shardOf(paris)).isEqualTo("eu");
            assertThat(session.get(City.class, 2L)).isSameAs(boston);
            assertThat(session.get(City.class, 99L)).isNull();
        }
    }

    @Test
    void aFanOutQueryMergesTheShardsResultsInOrder() {
        seed(new City(1, "europe", "Paris", 2_100_000), new City(2, "america", "Boston", 650_000),
                new City(3, "europe", "Lyon", 520_000), new City(4, "america", "Chicago", 2_700_000),
                new City(5, "europe", "Nice", 340_000), new City(6, "america", "Austin", null));
        try (ShardedSession session = sessions.open()) {
            List<City> byPopulation = session.query(City.class).orderBy(City_.population.desc()).all();
            assertThat(byPopulation).extracting(city -> city.name)
                    .containsExactly("Austin", "Chicago", "Paris", "Boston", "Lyon", "Nice");
            assertThat(routed).containsExactly(List.of("eu", "us"));
            List<City> byName = session.query(City.class).orderBy("name").all();
            assertThat(byName).extracting(city -> city.name)
                    .containsExactly("Austin", "Boston", "Chicago", "Lyon", "Nice", "Paris");
            assertThat(session.query(City.class).count()).isEqualTo(6);
        }
    }

    @Test
    void limitAndOffsetApplyAfterTheMerge() {
        seed(new City(1, "europe", "Paris", 2_100_000), new City(2, "america", "Boston", 650_000),
                new City(3, "europe", "Lyon", 520_000), new City(4, "america", "Chicago", 2_700_000),
                new City(5, "europe", "Nice", 340_000), new City(6, "america", "Denver", 710_000));
        try (ShardedSession session = sessions.open()) {
            List<City> middle = session.query(City.class).orderBy(City_.population.asc()).offset(1).limit(3).all();
            assertThat(middle).extracting(city -> city.name).containsExactly("Lyon", "Boston", "Denver");
            City largest = session.query(City.class).orderBy(City_.population.desc()).first();
            assertThat(largest.name).isEqualTo("Chicago");
            assertThat(session.query(City.class).orderBy(City_.population.asc()).offset(1).limit(3).count()).isEqualTo(3);
        }
    }

    @Test
    void aQueryFilteredOnTheShardKeyRunsOnThatShardOnly() {
        seed(new City(1, "europe", "Paris", 2_100_000), new City(2, "america", "Boston", 650_000));
        // Rows in the wrong shards: only a query that reached that shard would see them.
        insertDirectly("us", 7, "europe", "Misplaced", 1);
        insertDirectly("eu", 8, "america", "Stray", 1);
        try (ShardedSession session = sessions.open()) {
            List<City> european = session.query(City.class).filter(City_.continent.eq("europe")).all();
            assertThat(european).extracting(city -> city.name).containsExactly("Paris");
            assertThat(session.query(City.class).filterBy("continent", "america").count()).isEqualTo(1);
            List<City> both = session.query(City.class).filter(City_.continent.in("europe", "america"))
                    .orderBy("name").all();
            assertThat(both).extracting(city -> city.name).containsExactly("Boston", "Misplaced", "Paris", "Stray");
        }
        assertThat(routed).containsExactly(List.of("eu"), List.of("us"), List.of("eu", "us"));
    }

    @Test
    void theIdentityMapKeepsEqualIdsOnTwoShardsApart() {
        seed(new City(1, "europe", "Paris", 2_100_000), new City(1, "america", "Boston", 650_000));
        try (ShardedSession session = sessions.open()) {
            List<City> cities = session.query(City.class).orderBy("name").all();
            assertThat(cities).extracting(city -> city.id + ":" + city.name).containsExactly("1:Boston", "1:Paris");
            City boston = cities.get(0);
            City paris = cities.get(1);
            assertThat(boston).isNotSameAs(paris);
            assertThat(session.shardOf(boston)).isEqualTo("us");
            assertThat(session.shardOf(paris)).isEqualTo("eu");
            // The id chooser tries "eu" first: get answers with that shard's instance from its identity map.
            assertThat(session.get(City.class, 1L)).isSameAs(paris);
            assertThat(session.query(City.class).filterBy("continent", "america").one()).isSameAs(boston);
            boston.population = 654_776;
            session.commit();
        }
        assertThat(rowsOf("eu")).containsExactly("1:Paris");
        try (ShardedSession session = sessions.open()) {
            List<City> cities = session.query(City.class).orderBy("name").all();
            assertThat(cities).extracting(city -> city.population).containsExactly(654_776, 2_100_000);
        }
    }

    @Test
    void aUnitOfWorkThatWritesToTwoShardsIsRefused() {
        try (ShardedSession session = sessions.open()) {
            session.add(new City(1, "europe", "Paris", 2_100_000));
            session.add(new City(2, "america", "Boston", 650_000));
            InvalidRequestException refused = org.junit.jupiter.api.Assertions.assertThrows(InvalidRequestException.class,
                    session::commit);
            assertEquals("Cannot flush changes on shard 'us': this unit of work already wrote to shard 'eu', and a sharded "
                    + "session writes to one shard per unit of work (the shards commit separately, so a failure between "
                    + "their commits would leave half of the work written). Nothing was written to 'us', and what was "
                    + "written to 'eu' is not committed yet. To fix this, commit (or roll back) the work on 'eu' before "
                    + "changing objects of 'us', so that each unit of work changes the objects of one shard.",
                    refused.getMessage());
            session.rollback();
        }
        assertThat(rowsOf("eu")).isEmpty();
        assertThat(rowsOf("us")).isEmpty();
    }

    @Test
    void afterOneShardCommitsTheNextUnitOfWorkMayWriteToAnother() {
        try (ShardedSession session = sessions.open()) {
            City paris = new City(1, "europe", "Paris", 2_100_000);
            session.add(paris);
            session.flush();
            session.shard("eu").commit();
            session.add(new City(2, "america", "Boston", 650_000));
            session.commit();
            paris.population = 2_102_650;
            session.commit();
        }
        assertThat(rowsOf("eu")).containsExactly("1:Paris");
        assertThat(rowsOf("us")).containsExactly("2:Boston");
    }

    @Test
    void aChooserThatNamesNoShardOfTheFactoryIsReported() {
        try (ShardedSession session = sessions.open()) {
            City atlantis = new City(9, "atlantis", "Poseidonia", 1);
            assertThatThrownBy(() -> session.add(atlantis)).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("The shard chooser (for City#9) named no shard (null). To fix this, return one of the "
                            + "factory's shards: eu, us.");
            assertThatThrownBy(() -> session.shard("asia")).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("session.shard(\"asia\") named shard 'asia', which this sharded session factory does not "
                            + "have (its shards: eu, us). To fix this, name one of those, or add the shard to "
                            + "ShardedSessionFactory.of(...).");
        }
    }

    @Test
    void statementsOfOneShardAreRefusedOnTheShardedSessionWithTheWayToRunThem() {
        seed(new City(1, "europe", "Paris", 2_100_000));
        try (ShardedSession session = sessions.open()) {
            assertThatThrownBy(() -> session.sql("SELECT name FROM shard_cities")).isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessage("session.sql(...) on a sharded session: Retort runs it on one shard, not across shards. "
                            + "To fix this, name the shard: session.shard(\"eu\").sql(...).");
            assertThat(session.shard("eu").sql("SELECT name FROM shard_cities").scalar(String.class)).isEqualTo("Paris");
        }
    }

    @Test
    void aFanOutQueryOrderedByAnExpressionIsRefusedWithTheWayOut() {
        seed(new City(1, "europe", "Paris", 2_100_000), new City(2, "america", "Boston", 650_000));
        try (ShardedSession session = sessions.open()) {
            assertThatThrownBy(() -> session.query(City.class).orderBy(Func.lower(City_.name).asc()).all())
                    .isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessage("query(City) orders by " + Func.lower(City_.name) + ", which Retort cannot compute in memory "
                            + "to merge the results of several shards: it merges by attributes of City only. To fix this, "
                            + "order by attributes of City, or let the query chooser send the query to one shard.");
            City boston = session.query(City.class).filterBy("continent", "america").orderBy(Func.lower(City_.name).asc())
                    .one();
            assertThat(boston.name).isEqualTo("Boston");
        }
    }

    @Test
    void aStreamOverTwoShardsReadsOneShardAfterTheOther() {
        seed(new City(1, "europe", "Paris", 2_100_000), new City(2, "america", "Boston", 650_000),
                new City(3, "europe", "Lyon", 520_000));
        try (ShardedSession session = sessions.open();
             java.util.stream.Stream<City> cities = session.query(City.class).yieldPer(1).stream()) {
            assertThat(cities.map(city -> session.shardOf(city) + ":" + city.name).toList())
                    .containsExactlyInAnyOrder("eu:Paris", "eu:Lyon", "us:Boston");
        }
    }

    /** A record the tuple scenarios map rows into. */
    record NamePopulation(String name, Integer population) {
    }

    @Test
    void aTupleSelectFansOutAndMergesOrdersAndCutsAfterTheMerge() {
        seedSixCities();
        try (ShardedSession session = sessions.open()) {
            List<Row> byPopulation = session.select(City_.name, City_.population).orderBy(City_.population.desc()).all();
            assertThat(byPopulation).extracting(row -> row.get(0) + ":" + row.get(1)).containsExactly("Austin:null",
                    "Chicago:2700000", "Paris:2100000", "Boston:650000", "Lyon:520000", "Nice:340000");
            assertThat(routed).containsExactly(List.of("eu", "us"));
            List<Row> middle = session.select(City_.name, City_.population).orderBy(City_.population.asc()).offset(1).limit(3)
                    .all();
            assertThat(middle).extracting(row -> row.get(0)).containsExactly("Lyon", "Boston", "Paris");
            assertThat(session.select(City_.name).orderBy(City_.name.asc()).first().get(0)).isEqualTo("Austin");
            List<NamePopulation> large = session.select(City_.name, City_.population).where(City_.population.gt(1_000_000))
                    .orderBy(City_.name.desc()).into(NamePopulation.class);
            assertThat(large).containsExactly(new NamePopulation("Paris", 2_100_000), new NamePopulation("Chicago", 2_700_000));
        }
    }

    @Test
    void aTupleSelectFilteredOnTheShardKeyRunsOnThatShardWhereItMayAggregate() {
        seedSixCities();
        try (ShardedSession session = sessions.open()) {
            Row europe = session.select(Func.count(), Func.sum(City_.population)).from(City.class)
                    .where(City_.continent.eq("europe")).one();
            assertThat(((Number) europe.get(0)).longValue()).isEqualTo(3);
            assertThat(((Number) europe.get(1)).longValue()).isEqualTo(2_960_000);
            List<Row> american = session.select(City_.continent, Func.count()).where(City_.continent.in("america"))
                    .groupBy(City_.continent).all();
            assertThat(american).extracting(row -> row.get(0) + ":" + ((Number) row.get(1)).longValue())
                    .containsExactly("america:3");
        }
        assertThat(routed).containsExactly(List.of("eu"), List.of("us"));
    }

    @Test
    void aTupleSelectThatAggregatesOverTwoShardsIsRefusedWithTheWayOut() {
        seedSixCities();
        try (ShardedSession session = sessions.open()) {
            assertThatThrownBy(() -> session.select(City_.continent, Func.count()).groupBy(City_.continent).all())
                    .isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessage("select(" + City_.continent + ", " + Func.count() + ") runs on shards eu, us, and with the "
                            + "aggregate " + Func.count() + " each shard would summarise its own rows only: Retort does not "
                            + "combine the shards' groups or aggregates. To fix this, let the query chooser send the query to "
                            + "one shard (filter on the shard key), run it on each shard (session.shard(name).select(...)) and "
                            + "combine the results, or select the rows and aggregate them in the application.");
            assertThatThrownBy(() -> session.select(City_.continent).groupBy(City_.continent).all())
                    .isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessage("select(" + City_.continent + ") runs on shards eu, us, and with groupBy(...) each shard "
                            + "would summarise its own rows only: Retort does not combine the shards' groups or aggregates. "
                            + "To fix this, let the query chooser send the query to one shard (filter on the shard key), run "
                            + "it on each shard (session.shard(name).select(...)) and combine the results, or select the rows "
                            + "and aggregate them in the application.");
        }
    }

    @Test
    void aDistinctTupleSelectDropsRowsRepeatedOnTwoShards() {
        seed(new City(1, "europe", "Paris", 2_100_000), new City(2, "america", "Paris", 25_000),
                new City(3, "america", "Boston", 650_000));
        try (ShardedSession session = sessions.open()) {
            assertThat(session.select(City_.name).distinct().orderBy(City_.name.asc()).all()).extracting(row -> row.get(0))
                    .containsExactly("Boston", "Paris");
            assertThat(session.select(City_.name).orderBy(City_.name.asc()).all()).extracting(row -> row.get(0))
                    .containsExactly("Boston", "Paris", "Paris");
        }
    }

    @Test
    void aTupleSelectOverTwoShardsOrderedByAColumnItDoesNotSelectIsRefused() {
        seedSixCities();
        try (ShardedSession session = sessions.open()) {
            assertThatThrownBy(() -> session.select(City_.name).orderBy(City_.population.desc()).all())
                    .isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessage("select(" + City_.name + ") orders by " + City_.population + ", which it does not select, so "
                            + "Retort cannot merge the rows of several shards in that order. To fix this, select "
                            + City_.population + " too, or let the query chooser send the query to one shard.");
        }
    }

    @Test
    void anOrderedStreamOverTwoShardsMergesTheShardsStreamsAndAppliesLimitAndOffset() {
        seedSixCities();
        try (ShardedSession session = sessions.open()) {
            try (java.util.stream.Stream<City> byName = session.query(City.class).orderBy("name").yieldPer(1).stream()) {
                assertThat(byName.map(city -> session.shardOf(city) + ":" + city.name).toList()).containsExactly("us:Austin",
                        "us:Boston", "us:Chicago", "eu:Lyon", "eu:Nice", "eu:Paris");
            }
            try (java.util.stream.Stream<City> middle = session.query(City.class).orderBy(City_.population.desc()).offset(1)
                    .limit(3).stream()) {
                assertThat(middle.map(city -> city.name).toList()).containsExactly("Chicago", "Paris", "Boston");
            }
        }
    }

    private void seedSixCities() {
        seed(new City(1, "europe", "Paris", 2_100_000), new City(2, "america", "Boston", 650_000),
                new City(3, "europe", "Lyon", 520_000), new City(4, "america", "Chicago", 2_700_000),
                new City(5, "europe", "Nice", 340_000), new City(6, "america", "Austin", null));
    }

    @Test
    void oneOverTwoShardsThatBothMatchIsRefused() {
        seed(new City(1, "europe", "Paris", 2_100_000), new City(2, "america", "Paris", 25_000));
        try (ShardedSession session = sessions.open()) {
            assertThatThrownBy(() -> session.query(City.class).filterBy("name", "Paris").one())
                    .isInstanceOf(MultipleResultsFoundException.class)
                    .hasMessage("Expected one row for query(City) but found more than one (on shards eu, us). To fix this, "
                            + "filter on something unique (such as the id), or use first() or all().");
        }
    }

    @Test
    void aBulkStatementOnAnotherShardIsRefusedInTheSameUnitOfWork() {
        seed(new City(1, "europe", "Paris", 2_100_000), new City(2, "america", "Boston", 650_000));
        try (ShardedSession session = sessions.open()) {
            session.get(City.class, 1L).population = 2_102_650;
            session.flush();
            assertThatThrownBy(() -> session.shard("us").update(City.class).set(City_.population, 0).execute())
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("Cannot update City rows on shard 'us': this unit of work already wrote to shard 'eu', and a "
                            + "sharded session writes to one shard per unit of work (the shards commit separately, so a "
                            + "failure between their commits would leave half of the work written). Nothing was written to "
                            + "'us', and what was written to 'eu' is not committed yet. To fix this, commit (or roll back) the "
                            + "work on 'eu' before changing objects of 'us', so that each unit of work changes the objects of "
                            + "one shard.");
            session.commit();
            assertThat(session.shard("us").update(City.class).set(City_.population, 0).execute()).isEqualTo(1);
            session.commit();
        }
        try (ShardedSession session = sessions.open()) {
            assertThat(session.query(City.class).orderBy("name").all()).extracting(city -> city.population)
                    .containsExactly(0, 2_102_650);
        }
    }
}
