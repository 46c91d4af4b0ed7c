package dev.retort.session.query;

import java.time.Duration;

import dev.retort.InvalidRequestException;

/** A query's timeout as JDBC takes it: whole seconds, rounded up, 0 for none. */
public final class Timeouts {
    private Timeouts() {
    }

    static int seconds(Duration timeout, String query) {
        if (timeout == null || timeout.isNegative()) {
            throw new InvalidRequestException(query + ".timeout(" + timeout + "): a timeout must be zero (no timeout) or "
                    + "positive. To fix this, pass a duration such as Duration.ofSeconds(5).");
        }
        long seconds = timeout.getSeconds() + (timeout.getNano() > 0 ? 1 : 0);
        return (int) Math.min(Integer.MAX_VALUE, seconds);
    }
}
