package dev.retort.engine;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The slow-statement log (engine option {@code slow-statement-threshold}): a WARNING to the System.Logger
 * {@code dev.retort.sql} for every statement that took at least the threshold, naming the SQL (with its
 * {@code ?} placeholders, never the values), the time it took and the threshold; one that failed (a query timeout)
 * says so. Immutable and thread-safe.
 */
public final class SlowStatementLog implements StatementObserver {
    private static final System.Logger LOGGER = System.getLogger("dev.retort.sql");

    /** The engine option: a duration such as {@code 200ms} or {@code 2s}; 0 (the default) turns the log off. */
    public static final String OPTION = "slow-statement-threshold";

    private final long thresholdNanos;
    private final String threshold;

    public SlowStatementLog(Duration threshold) {
        if (threshold.isNegative() || threshold.isZero()) {
            throw new IllegalArgumentException("The slow-statement threshold must be positive, not " + threshold);
        }
        this.thresholdNanos = threshold.toNanos();
        this.threshold = millis(thresholdNanos);
    }

    /** The log the engine option {@code slow-statement-threshold} asks for, or null when it is absent or 0. */
    public static SlowStatementLog fromOptions(java.util.Map<String, String> options) {
        Duration threshold = PoolHealth.duration(options, OPTION, Duration.ZERO);
        return threshold.isZero() ? null : new SlowStatementLog(threshold);
    }

    @Override
    public void executed(String sql, long elapsedNanos) {
        if (elapsedNanos >= thresholdNanos) {
            LOGGER.log(Level.WARNING, "Slow statement: " + millis(elapsedNanos) + " (slow-statement-threshold "
                    + threshold + "): " + sql);
        }
    }

    @Override
    public void failed(String sql, long elapsedNanos, SQLException failure) {
        if (elapsedNanos >= thresholdNanos) {
            LOGGER.log(Level.WARNING, "Slow statement that failed: " + millis(elapsedNanos) + " (slow-statement-threshold "
                    + threshold + "): " + sql);
        }
    }

    /** Whole milliseconds, or a fraction of one below 10 ms: {@code 1.25 ms}, {@code 250 ms}. */
    static String millis(long nanos) {
        if (nanos >= 10_000_000L) {
            return nanos / 1_000_000L + " ms";
        }
        return java.math.BigDecimal.valueOf(nanos / 10_000L, 2).stripTrailingZeros().toPlainString() + " ms";
    }
}
