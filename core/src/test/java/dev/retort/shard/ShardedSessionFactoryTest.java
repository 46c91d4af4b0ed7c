package dev.retort.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.retort.ConfigurationException;
import dev.retort.Engine;
import dev.retort.InvalidRequestException;
import dev.retort.Metadata;

/** A sharded session factory's configuration mistakes, each reported with its fix; embedded H2 engines. */
class ShardedSessionFactoryTest {
    private final Engine eu = Engine.create("h2:mem:sharded_factory_eu");
    private final Engine us = Engine.create("h2:mem:sharded_factory_us");
    private final Metadata metadata = Metadata.of(FilterValuesTest.Store.class);

    @AfterEach
    void closeEngines() {
        eu.close();
        us.close();
    }

    private Map<String, Engine> shards() {
        Map<String, Engine> shards = new LinkedHashMap<>();
        shards.put("eu", eu);
        shards.put("us", us);
        return shards;
    }

    @Test
    void theShardsKeepTheirOrderAndNames() {
        ShardedSessionFactory sessions = ShardedSessionFactory.of(shards(), metadata, store -> "eu",
                (type, id) -> List.of("eu", "us"), query -> List.of("eu", "us"));
        assertThat(sessions.shardNames()).containsExactly("eu", "us");
        assertThat(sessions.engine("us")).isSameAs(us);
        assertThatThrownBy(() -> sessions.engine("asia")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("engine(\"asia\") named shard 'asia', which this sharded session factory does not have (its "
                        + "shards: eu, us). To fix this, name one of those, or add the shard to ShardedSessionFactory.of(...).");
    }

    @Test
    void aFactoryWithoutShardsIsRefused() {
        assertThatThrownBy(() -> ShardedSessionFactory.of(Map.of(), metadata, store -> "eu", (type, id) -> List.of("eu"),
                query -> List.of("eu"))).isInstanceOf(ConfigurationException.class)
                .hasMessage("A sharded session factory needs at least one shard. To fix this, pass the shards' engines by "
                        + "name: ShardedSessionFactory.of(Map.of(\"eu\", euEngine, \"us\", usEngine), ...).");
    }

    @Test
    void aMissingChooserIsNamed() {
        assertThatThrownBy(() -> ShardedSessionFactory.of(shards(), metadata, store -> "eu", null, query -> List.of("eu")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("A sharded session factory needs an id chooser. To fix this, pass one ((type, id) -> List.of(...)).");
    }

    @Test
    void aQueryChooserThatNamesNoShardIsReported() {
        ShardedSessionFactory sessions = ShardedSessionFactory.of(shards(), metadata, store -> "eu",
                (type, id) -> List.of("eu"), query -> List.of());
        try (ShardedSession session = sessions.open()) {
            assertThatThrownBy(() -> session.query(FilterValuesTest.Store.class).all())
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("The query chooser (for query(Store)) named no shard. To fix this, return at least one of "
                            + "eu, us (all of them when the shard cannot be told).");
        }
    }
}
