package dev.retort.jdbc.observe;

import dev.retort.jdbc.ProxyOptions;
import dev.retort.jdbc.SqlEvent;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The proxy's slow-statement log: a WARNING to {@code dev.retort.jdbc.sql} for every statement that took at least
 * {@code retort.log.slow-statement-threshold}, naming its connection, its time, the threshold and its SQL with
 * {@code ?} placeholders (never the values). Immutable and thread-safe.
 */
public final class SlowStatements {

    private static final Logger LOGGER = System.getLogger("dev.retort.jdbc.sql");

    private final long thresholdNanos;
    private final String threshold;

    private SlowStatements(Duration threshold) {
        this.thresholdNanos = threshold.toNanos();
        this.threshold = millis(thresholdNanos);
    }

    /** The log the options ask for, or null when the threshold is 0 (the default). */
    public static SlowStatements of(ProxyOptions options) {
        Duration threshold = options.slowStatementThreshold();
        return threshold.isZero() ? null : new SlowStatements(threshold);
    }

    /** Warns when {@code event} (a statement; commits and rollbacks too) took the threshold or longer. */
    public void check(SqlEvent event) {
        if (event.elapsedNanos() >= thresholdNanos) {
            LOGGER.log(Level.WARNING, "Slow statement: [conn " + event.connectionId() + "] "
                    + millis(event.elapsedNanos()) + " (" + ProxyOptions.LOG_SLOW_STATEMENT_THRESHOLD + " " + threshold
                    + "): " + event.sql());
        }
    }

    /** Whole milliseconds from 10 ms, else up to two decimals: {@code 1.25 ms}, {@code 250 ms}. */
    static String millis(long nanos) {
        if (nanos >= 10_000_000L) {
            return nanos / 1_000_000L + " ms";
        }
        return BigDecimal.valueOf(nanos / 10_000L, 2).stripTrailingZeros().toPlainString() + " ms";
    }
}
