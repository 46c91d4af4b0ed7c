package dev.retort.it.shard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.retort.shard.JtaShardedSessions;
import dev.retort.shard.ShardedSession;

/** Transactional methods that write cities to whichever shards they belong on, in one JTA transaction each. */
@ApplicationScoped
public class XaCities {
    @Inject
    JtaShardedSessions sessions;

    /** Adds the cities, each to its shard; the transaction commits them together. Returns each one's shard. */
    @Transactional
    public String add(City... cities) {
        ShardedSession session = sessions.current();
        StringBuilder shards = new StringBuilder();
        for (City city : cities) {
            session.add(city);
            shards.append(shards.length() == 0 ? "" : ",").append(session.shardOf(city));
        }
        return shards.toString();
    }

    /** Adds the cities, flushes them to their shards, then fails: the transaction rolls every shard back. */
    @Transactional
    public void addThenFail(City... cities) {
        ShardedSession session = sessions.current();
        for (City city : cities) {
            session.add(city);
        }
        session.flush();
        throw new IllegalStateException("failing after writing to every shard");
    }

    /** Changes the population of city {@code id} on every shard that holds one, in one transaction. */
    @Transactional
    public void setPopulationEverywhere(long id, int population) {
        ShardedSession session = sessions.current();
        for (City city : session.query(City.class).filterBy("id", id).all()) {
            city.population = population;
        }
    }

    /** Calls {@code begin()} on the transaction's sharded session, which the container's transaction owns. */
    @Transactional
    public void beginInside() {
        sessions.current().begin();
    }
}
