package dev.retort;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often {@link SessionFactory#inTransaction(java.util.function.Function, Retry)} runs a unit of work
 * again after a failure that a new attempt may not meet: a {@link TransactionConflictException}
 * (serialization failure, deadlock), a {@link StaleObjectException} (a concurrent change to a
 * {@code @Version}ed row) or a {@link DatabaseUnavailableException} (lost connection; not when the
 * COMMIT's outcome is unknown, which could write twice). Between attempts it sleeps an exponentially
 * growing, jittered delay ("full jitter": a random time up to the capped exponential step), so that
 * concurrent retries spread out. Immutable and thread-safe.
 * <p>
 * Not for container-managed (JTA) sessions: there the container owns the transaction and its retries.
 */
public final class Retry {
    private static final Duration DEFAULT_FIRST_DELAY = Duration.ofMillis(50);
    private static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(2);

    private final int attempts;
    private final Duration firstDelay;
    private final Duration maxDelay;

    private Retry(int attempts, Duration firstDelay, Duration maxDelay) {
        this.attempts = attempts;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    /** At most {@code attempts} runs in all (the first one included), 50 ms growing to 2 s between them. */
    public static Retry times(int attempts) {
        if (attempts < 1) {
            throw new InvalidRequestException("Retry.times(" + attempts + "): the number of attempts counts the first "
                    + "run, so it must be at least 1. To fix this, pass 1 for no retry, or more.");
        }
        return new Retry(attempts, DEFAULT_FIRST_DELAY, DEFAULT_MAX_DELAY);
    }

    /** One run, no retry. */
    public static Retry none() {
        return times(1);
    }

    /** The same attempts with delays starting at {@code first}, doubling up to {@code max}. */
    public Retry backoff(Duration first, Duration max) {
        if (first == null || max == null || first.isNegative() || max.compareTo(first) < 0) {
            throw new InvalidRequestException("Retry.backoff(" + first + ", " + max + "): the delays must be zero or "
                    + "positive, the maximum no smaller than the first. To fix this, pass e.g. "
                    + "backoff(Duration.ofMillis(50), Duration.ofSeconds(2)).");
        }
        return new Retry(attempts, first, max);
    }

    public int attempts() {
        return attempts;
    }

    /** Whether a run that failed with {@code failure} may be run again. */
    public static boolean isRetryable(RuntimeException failure) {
        if (failure instanceof DatabaseUnavailableException unavailable) {
            return !unavailable.commitOutcomeUnknown();
        }
        return failure instanceof TransactionConflictException || failure instanceof StaleObjectException;
    }

    /** The delay before attempt {@code attempt + 1}, after {@code attempt} failed runs (1-based). */
    Duration delayAfter(int attempt) {
        long cap = maxDelay.toNanos();
        long step = firstDelay.toNanos() << Math.min(attempt - 1, 30);
        long bound = step <= 0 || step > cap ? cap : step;
        return bound == 0 ? Duration.ZERO : Duration.ofNanos(ThreadLocalRandom.current().nextLong(bound + 1));
    }

    void sleepAfter(int attempt, RuntimeException failure) {
        try {
            Thread.sleep(delayAfter(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(e);
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "Retry.times(" + attempts + ").backoff(" + firstDelay + ", " + maxDelay + ")";
    }
}
