package dev.retort.jta;

import java.util.concurrent.Callable;

/**
 * Marks the calling thread's work as read-only for the containers' read-only marker
 * ({@link dev.retort.cdi.ReadOnlyTransaction}): a JTA transaction whose first use of the injected session happens
 * inside {@link #call} gets a read-only session that reads from a replica ({@link JtaSessions#current()}).
 * Nested calls stay read-only; the mark ends with the outermost call. Thread-safe (one mark per thread).
 */
public final class ReadOnlyTransactions {
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private ReadOnlyTransactions() {
    }

    /** Runs {@code work} with the calling thread marked read-only. */
    public static Object call(Callable<?> work) throws Exception {
        int[] depth = DEPTH.get();
        depth[0]++;
        try {
            return work.call();
        } finally {
            depth[0]--;
            if (depth[0] == 0) {
                DEPTH.remove();
            }
        }
    }

    /** Whether the calling thread runs inside {@link #call}. */
    public static boolean active() {
        return DEPTH.get()[0] > 0;
    }
}
