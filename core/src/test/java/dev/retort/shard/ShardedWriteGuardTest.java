package dev.retort.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.retort.Engine;
import dev.retort.InvalidRequestException;
import dev.retort.Metadata;
import dev.retort.session.GuardedSession;
import dev.retort.session.WriteGuard;
import dev.retort.shard.FilterValuesTest.Region;
import dev.retort.shard.FilterValuesTest.Store;

/** A guard that container glue installs on a sharded session is asked before each write, then the one-shard rule. */
class ShardedWriteGuardTest {
    private final Engine eu = Engine.create("h2:mem:sharded_guard_eu");
    private final Engine us = Engine.create("h2:mem:sharded_guard_us");
    private final Metadata metadata = Metadata.of(Store.class);
    private final List<String> asked = new ArrayList<>();

    @AfterEach
    void closeEngines() {
        eu.close();
        us.close();
    }

    private ShardedSessionFactory sessions() {
        Map<String, Engine> shards = new LinkedHashMap<>();
        shards.put("eu", eu);
        shards.put("us", us);
        metadata.createAll(eu);
        metadata.createAll(us);
        return ShardedSessionFactory.of(shards, metadata, store -> ((Store) store).region == Region.EUROPE ? "eu" : "us",
                (type, id) -> List.of("eu", "us"), query -> List.of("eu", "us"));
    }

    private static Store store(long id, Region region) {
        Store store = new Store();
        store.id = id;
        store.region = region;
        store.name = "store " + id;
        return store;
    }

    /** Records what it is asked; refuses writes while {@code refuse} holds a reason. */
    private WriteGuard recording(String[] refuse) {
        return new WriteGuard() {
            @Override
            public void beforeWrite(String action) {
                asked.add(action);
                if (refuse[0] != null) {
                    throw new InvalidRequestException("Cannot " + action + ": " + refuse[0]);
                }
            }

            @Override
            public void transactionEnded() {
                asked.add("ended");
            }
        };
    }

    @Test
    void theContainersGuardIsAskedFirstAndTheOneShardRuleStillHolds() {
        String[] refuse = {null};
        try (ShardedSession session = sessions().open()) {
            ((GuardedSession) session).guardWrites(recording(refuse));
            session.add(store(1, Region.EUROPE));
            session.commit();
            assertThat(asked).containsExactly("flush changes", "ended");

            session.add(store(2, Region.EUROPE));
            session.add(store(3, Region.AMERICA));
            assertThatThrownBy(session::commit).isInstanceOf(InvalidRequestException.class)
                    .hasMessageStartingWith("Cannot flush changes on shard 'us': this unit of work already wrote to shard 'eu'");
            session.rollback();

            refuse[0] = "the transaction is read-only.";
            session.add(store(4, Region.AMERICA));
            assertThatThrownBy(session::flush).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("Cannot flush changes: the transaction is read-only.");
        }
    }
}
