package dev.retort.it.shard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.Engine;
import dev.retort.it.TestDatabase;

/**
 * The sharding scenarios on two databases of the PostgreSQL server the suite runs on: the test database
 * ({@code RETORT_TEST_POSTGRES_URL}) and the one beside it with {@code _shard} added to its name, which
 * {@code .ci/databases.sh} creates. Two databases of one server are two shards as far as routing goes.
 */
class PostgresShardingIT extends ShardingScenarios {
    private static final Pattern DATABASE = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]+)(.*)$");

    @Override
    protected Map<String, Engine> openShards() {
        TestDatabase.POSTGRESQL.assumeAvailable();
        String url = TestDatabase.POSTGRESQL.url();
        Matcher parts = DATABASE.matcher(url);
        if (!parts.matches()) {
            throw new IllegalStateException("RETORT_TEST_POSTGRES_URL names no database (" + url + "); the sharding "
                    + "suite needs one to find the second shard's database beside it.");
        }
        Map<String, Engine> shards = new LinkedHashMap<>();
        shards.put("eu", Engine.create(url, Map.of("pool-size", 4)));
        shards.put("us", Engine.create(parts.group(1) + parts.group(2) + "_shard" + parts.group(3), Map.of("pool-size", 4)));
        return shards;
    }
}
