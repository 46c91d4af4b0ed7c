package dev.retort.shard;

import java.util.function.Consumer;

/** Runs a step on every shard's part, whatever one of them throws. */
final class EachShard {
    private EachShard() {
    }

    /**
     * Runs {@code action} on each of {@code parts} even if one fails; rethrows the first runtime failure with the
     * others suppressed, so that no shard is left open or undone because an earlier one failed.
     */
    static <T> void run(Iterable<T> parts, Consumer<T> action) {
        RuntimeException first = null;
        for (T part : parts) {
            try {
                action.accept(part);
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
