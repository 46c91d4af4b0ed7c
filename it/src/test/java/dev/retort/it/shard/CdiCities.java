package dev.retort.it.shard;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.retort.shard.ShardedSession;

/** A service of the sharded CDI application: the injected sharded session is the current JTA transaction's. */
@ApplicationScoped
public class CdiCities {
    @Inject
    ShardedSession session;

    /** Adds the cities, each to its shard; the transaction commits them together. Returns each one's shard. */
    @Transactional
    public String add(City... cities) {
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
        session.addAll(List.of(cities));
        session.flush();
        throw new IllegalStateException("failing after writing to every shard");
    }

    /** The name of city {@code id}, found by get on whichever shard holds it, or null. */
    @Transactional
    public String nameOf(long id) {
        City city = session.get(City.class, id);
        return city == null ? null : city.name;
    }

    /** Every city's name, from every shard, ordered by name after the merge. */
    @Transactional
    public List<String> namesInOrder() {
        return session.query(City.class).orderBy("name").all().stream().map(city -> city.name).toList();
    }

    @Transactional
    public void addThenCommit(City city) {
        session.add(city);
        session.commit();
    }

    /** Outside a transaction. */
    public void addWithoutTransaction(City city) {
        session.add(city);
    }

    public void close() {
        session.close();
    }
}
