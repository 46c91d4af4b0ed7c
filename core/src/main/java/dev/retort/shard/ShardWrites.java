package dev.retort.shard;

import dev.retort.InvalidRequestException;
import dev.retort.session.WriteGuard;

/**
 * Keeps one sharded session's unit of work on one shard: the first shard to write owns the unit of work
 * until its transaction ends, and a write to any other shard meanwhile is refused before it reaches the
 * database. Shards commit separately, and without two-phase commit a failure between two commits would
 * leave half of the work written. Not thread-safe, as its session.
 */
final class ShardWrites {
    /** The shard written to in the open unit of work, or null. */
    private String writing;

    /** The guard of shard {@code shard}'s session. */
    WriteGuard guardFor(String shard) {
        return new WriteGuard() {
            @Override
            public void beforeWrite(String action) {
                if (writing != null && !writing.equals(shard)) {
                    throw refusal(action, shard);
                }
                writing = shard;
            }

            @Override
            public void transactionEnded() {
                if (shard.equals(writing)) {
                    writing = null;
                }
            }
        };
    }

    private InvalidRequestException refusal(String action, String shard) {
        return new InvalidRequestException("Cannot " + action + " on shard '" + shard + "': this unit of work already "
                + "wrote to shard '" + writing + "', and a sharded session writes to one shard per unit of work (the shards "
                + "commit separately, so a failure between their commits would leave half of the work written). Nothing "
                + "was written to '" + shard + "', and what was written to '" + writing + "' is not committed yet. To fix "
                + "this, commit (or roll back) the work on '" + writing + "' before changing objects of '" + shard + "', "
                + "so that each unit of work changes the objects of one shard.");
    }
}
