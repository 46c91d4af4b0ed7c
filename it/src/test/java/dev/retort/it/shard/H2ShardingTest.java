package dev.retort.it.shard;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.retort.Engine;

/** The sharding scenarios on two in-memory H2 databases. */
class H2ShardingTest extends ShardingScenarios {
    @Override
    protected Map<String, Engine> openShards() {
        Map<String, Engine> shards = new LinkedHashMap<>();
        shards.put("eu", Engine.create("h2:mem:retort_shard_eu"));
        shards.put("us", Engine.create("h2:mem:retort_shard_us"));
        return shards;
    }
}
