package dev.retort.observe;

import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import dev.retort.Engine;
import dev.retort.engine.SqlOperation;
import dev.retort.engine.StatementObserver;

/**
 * Micrometer meters of an engine: the timer {@value #STATEMENTS} (one per operation and outcome, tags
 * {@code operation} = {@code SELECT}, {@code INSERT}, ..., {@code outcome} = {@code success} or {@code error} (the
 * statement failed) and {@code db.system} = the dialect's name), and, when the engine's pool is
 * Agroal's (its own, or the application's), the gauges {@value #POOL_ACTIVE}, {@value #POOL_AVAILABLE}
 * and {@value #POOL_AWAITING} (tags {@code db.system} and {@code pool} = the engine's location, with {@code #2}, ...
 * for a second pool on one location), removed when the engine closes. An engine is bound to Micrometer's global
 * registry when Micrometer is on the class path; {@link #bind} moves it, gauges included, to another registry.
 */
public final class RetortMetrics {
    public static final String STATEMENTS = "retort.statements";
    public static final String POOL_ACTIVE = "retort.pool.active";
    public static final String POOL_AVAILABLE = "retort.pool.available";
    public static final String POOL_AWAITING = "retort.pool.awaiting";

    private RetortMetrics() {
    }

    /** Times {@code engine}'s statements in {@code registry} instead of the registry they went to before. */
    public static void bind(Engine engine, MeterRegistry registry) {
        if (registry == null) {
            throw new IllegalArgumentException("RetortMetrics.bind(engine, null): there is no registry. To fix this, pass "
                    + "the application's MeterRegistry.");
        }
        for (StatementObserver observer : engine.observers().all()) {
            if (observer instanceof Timings previous) {
                // Its gauges leave its registry first: the two registries may share one underneath (Quarkus adds the
                // application's to the global one), which would refuse the same gauge twice with a warning.
                previous.close();
            }
        }
        engine.observers().removeIf(observer -> observer instanceof Timings);
        PoolGauges gauges = engine.dataSource() instanceof AgroalDataSource pool
                ? PoolGauges.acquire(registry, pool, engine.dialect().name(), engine.location()) : null;
        engine.observers().add(new Timings(registry, engine.dialect().name(), gauges));
    }

    static void bindGlobal(Engine engine) {
        bind(engine, Metrics.globalRegistry);
    }

    /** One timer per operation and outcome, built on its first statement and then found with one map read. */
    static final class Timings implements StatementObserver, AutoCloseable {
        private final MeterRegistry registry;
        private final String system;
        /** The pool's gauges (null when the pool is not Agroal's), released with the timings. */
        private final PoolGauges gauges;
        private final ConcurrentHashMap<String, Timer> succeeded = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<String, Timer> failed = new ConcurrentHashMap<>();

        Timings(MeterRegistry registry, String system, PoolGauges gauges) {
            this.registry = registry;
            this.system = system;
            this.gauges = gauges;
        }

        /** Takes the pool's gauges out of the registry (once no other engine on the pool uses them): the engine closed or moved. */
        @Override
        public void close() {
            if (gauges != null) {
                gauges.release();
            }
        }

        @Override
        public void executed(String sql, long elapsedNanos) {
            timer(succeeded, SqlOperation.of(sql), "success").record(elapsedNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void failed(String sql, long elapsedNanos, SQLException failure) {
            timer(failed, SqlOperation.of(sql), "error").record(elapsedNanos, TimeUnit.NANOSECONDS);
        }

        private Timer timer(ConcurrentHashMap<String, Timer> timers, String operation, String outcome) {
            Timer timer = timers.get(operation);
            if (timer == null) {
                timer = timers.computeIfAbsent(operation, name -> Timer.builder(STATEMENTS)
                        .description("Statements run by Retort's sessions, by operation and outcome")
                        .tag("operation", name).tag("outcome", outcome).tag("db.system", system).register(registry));
            }
            return timer;
        }
    }
}
