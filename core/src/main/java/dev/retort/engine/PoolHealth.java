package dev.retort.engine;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ConnectionValidator;
import io.agroal.api.configuration.supplier.AgroalConnectionPoolConfigurationSupplier;

import dev.retort.ConfigurationException;
import dev.retort.dialect.Dialect;

/**
 * How the engine's own Agroal pool keeps its connections alive: which errors destroy a connection (the
 * dialect decides), when idle connections are validated, and how long a connection may live or idle.
 * Read from the engine's {@code pool.*} options. Immutable.
 */
public final class PoolHealth {
    public static final String VALIDATION_INTERVAL = "pool.validation-interval";
    public static final String VALIDATE_IDLE_AFTER = "pool.validate-idle-after";
    public static final String MAX_LIFETIME = "pool.max-lifetime";
    public static final String IDLE_TIMEOUT = "pool.idle-timeout";
    public static final String LEAK_DETECTION = "pool.leak-detection";

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    /**
     * A connection idle longer than this is checked before the pool hands it out; zero (the default) checks
     * on every borrow. A PostgreSQL restart takes 0.3 s here, so HikariCP's way of trusting a connection
     * used within the last 500 ms would hand out dead connections after a quick restart. The check costs one
     * round trip per transaction, not per statement; set a window to trade that for the risk.
     */
    private final Duration validateIdleAfter;
    private final Duration validationInterval;
    private final Duration maxLifetime;
    private final Duration idleTimeout;
    private final Duration leakDetection;

    private PoolHealth(Duration validateIdleAfter, Duration validationInterval, Duration maxLifetime,
                       Duration idleTimeout, Duration leakDetection) {
        this.validateIdleAfter = validateIdleAfter;
        this.validationInterval = validationInterval;
        this.maxLifetime = maxLifetime;
        this.idleTimeout = idleTimeout;
        this.leakDetection = leakDetection;
    }

    /**
     * The settings among the engine's options, defaults for the others; {@code retireByAge} false keeps
     * connections however old (an in-memory database dies with its last connection).
     */
    public static PoolHealth from(Map<String, String> options, boolean retireByAge) {
        Duration maxLifetime = duration(options, MAX_LIFETIME, Duration.ofMinutes(30));
        return new PoolHealth(
                duration(options, VALIDATE_IDLE_AFTER, Duration.ZERO),
                duration(options, VALIDATION_INTERVAL, Duration.ofSeconds(30)),
                retireByAge ? maxLifetime : Duration.ZERO,
                duration(options, IDLE_TIMEOUT, Duration.ofMinutes(10)),
                duration(options, LEAK_DETECTION, Duration.ZERO));
    }

    /**
     * Configures the pool: the dialect's exception sorter, {@code isValid} bounded by the acquisition timeout
     * (so a half-open socket never holds a borrower longer than that), and the intervals.
     */
    public AgroalConnectionPoolConfigurationSupplier apply(AgroalConnectionPoolConfigurationSupplier pool, Dialect dialect,
                                                          int acquisitionTimeoutSeconds) {
        pool.exceptionSorter(dialect::isConnectionFatal)
                .connectionValidator(ConnectionValidator.defaultValidatorWithTimeout(Math.min(5, acquisitionTimeoutSeconds)))
                .validationTimeout(validationInterval)
                .maxLifetime(maxLifetime)
                .reapTimeout(idleTimeout)
                .leakTimeout(leakDetection);
        if (validateIdleAfter.isZero()) {
            pool.validateOnBorrow(true);
        } else {
            pool.idleValidationTimeout(validateIdleAfter);
        }
        return pool;
    }

    public Duration validateIdleAfter() {
        return validateIdleAfter;
    }

    public Duration validationInterval() {
        return validationInterval;
    }

    public Duration maxLifetime() {
        return maxLifetime;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public Duration leakDetection() {
        return leakDetection;
    }

    /** A duration option: a whole number with the unit ms, s (the default), m or h; 0 turns the feature off. */
    static Duration duration(Map<String, String> options, String key, Duration defaultValue) {
        String value = options.get(key);
        if (value == null) {
            return defaultValue;
        }
        Duration parsed = parseDuration(value);
        if (parsed == null) {
            throw new ConfigurationException("Engine option " + key + " must be a duration such as 30s, 500ms, 10m or 1h "
                    + "(0 turns it off), not '" + value + "'.");
        }
        return parsed;
    }

    /**
     * A duration as the engine's options write it: a whole number with the unit ms, s (the default), m or h, such as
     * {@code 500ms} or {@code 2s}; null when {@code text} is not one. For containers that check their own keys.
     */
    public static Duration parseDuration(String text) {
        Matcher matcher = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return null;
        }
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        try {
            long amount = Long.parseLong(matcher.group(1));
            switch (unit) {
                case "ms": return Duration.ofMillis(amount);
                case "m": return Duration.ofMinutes(amount);
                case "h": return Duration.ofHours(amount);
                default: return Duration.ofSeconds(amount);
            }
        } catch (NumberFormatException | ArithmeticException tooLong) {
            return null;
        }
    }
}
