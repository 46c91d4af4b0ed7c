package dev.retort.it.shard;

import jakarta.enterprise.context.ApplicationScoped;

import dev.retort.shard.ShardChooser;

/** A second shard chooser, for the deployment that cannot tell which of two the shards use. */
@ApplicationScoped
public class EuropeOnlyChooser implements ShardChooser {
    @Override
    public String shardFor(Object entity) {
        return "eu";
    }
}
