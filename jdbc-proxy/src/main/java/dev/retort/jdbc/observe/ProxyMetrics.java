package dev.retort.jdbc.observe;

import dev.retort.jdbc.RetortDriver;
import dev.retort.jdbc.SqlEvent;
import dev.retort.jdbc.SqlListener;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The timer {@value #STATEMENTS} of every statement, commit and rollback of the proxy's connections, tagged
 * {@code kind} ({@code query}, {@code update}, {@code batch}, {@code commit}, {@code rollback}), {@code operation}
 * (the first keyword: {@code SELECT}, {@code INSERT}, ...) and {@code outcome} ({@code success} or {@code error}).
 * The proxy times into Micrometer's global registry when Micrometer is on the class path; {@link #bind} moves
 * the timings to another registry. Thread-safe.
 */
public final class ProxyMetrics {

    public static final String STATEMENTS = "retort.jdbc.statements";

    private static Timings global;
    private static Timings bound;

    private ProxyMetrics() {
    }

    /** Times every proxy connection's statements in {@code registry} instead of the registry used before. */
    public static synchronized void bind(MeterRegistry registry) {
        if (registry == null) {
            throw new IllegalArgumentException("ProxyMetrics.bind(null): there is no registry. To fix this, pass the "
                    + "application's MeterRegistry.");
        }
        // Removing gathers the listeners first (the global timings among them) if nothing did yet.
        RetortDriver.removeListener(global());
        if (bound != null) {
            RetortDriver.removeListener(bound);
        }
        bound = new Timings(registry);
        RetortDriver.addListener(bound);
    }

    /** The timings into the global registry, created once. */
    static synchronized SqlListener global() {
        if (global == null) {
            global = new Timings(Metrics.globalRegistry);
        }
        return global;
    }

    static final class Timings implements SqlListener {
        private final MeterRegistry registry;
        private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

        Timings(MeterRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void onEvent(SqlEvent event) {
            String kind = event.kind().name().toLowerCase(Locale.ROOT);
            String operation = Operations.of(event.sql());
            String outcome = event.failure() == null ? "success" : "error";
            Timer timer = timers.computeIfAbsent(kind + ' ' + operation + ' ' + outcome, key -> Timer.builder(STATEMENTS)
                    .description("Statements, commits and rollbacks through the Retort proxy")
                    .tag("kind", kind).tag("operation", operation).tag("outcome", outcome).register(registry));
            timer.record(event.elapsedNanos(), TimeUnit.NANOSECONDS);
        }
    }
}
