package dev.retort.it.shard;

import jakarta.enterprise.context.ApplicationScoped;

import dev.retort.shard.ShardChooser;

/** The sharded CDI application's shard chooser: a city goes to the shard of its continent. */
@ApplicationScoped
public class ContinentChooser implements ShardChooser {
    @Override
    public String shardFor(Object entity) {
        return XaShards.SHARD_OF_CONTINENT.get(((City) entity).continent);
    }
}
