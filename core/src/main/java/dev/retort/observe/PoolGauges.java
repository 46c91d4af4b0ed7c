package dev.retort.observe;

import java.util.ArrayList;
import java.util.List;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gauges of the Agroal pools bound to registries: one set per pool and registry, shared by the engines on that
 * pool and removed when the last of them closes or moves. Two pools on one location (two engines on one database,
 * each with its own pool) get the tags {@code pool} = the location and the location with {@code #2}, so that both are
 * gauged where Micrometer would keep the first and drop the second with a warning. Thread-safe.
 */
final class PoolGauges {
    private static final List<PoolGauges> BOUND = new ArrayList<>();

    private final MeterRegistry registry;
    private final AgroalDataSource pool;
    private final String name;
    private final List<Meter> meters;
    private int users;

    private PoolGauges(MeterRegistry registry, AgroalDataSource pool, String name, List<Meter> meters) {
        this.registry = registry;
        this.pool = pool;
        this.name = name;
        this.meters = meters;
    }

    /** The pool's gauges in {@code registry}, registered by the first engine on the pool, shared by the next. */
    static synchronized PoolGauges acquire(MeterRegistry registry, AgroalDataSource pool, String system, String location) {
        for (PoolGauges bound : BOUND) {
            if (bound.registry == registry && bound.pool == pool) {
                bound.users++;
                return bound;
            }
        }
        String name = location;
        for (int n = 2; taken(registry, name); n++) {
            name = location + " #" + n;
        }
        pool.getConfiguration().setMetricsEnabled(true);
        PoolGauges gauges = new PoolGauges(registry, pool, name, List.of(
                Gauge.builder(RetortMetrics.POOL_ACTIVE, pool, p -> p.getMetrics().activeCount()).tag("db.system", system)
                        .tag("pool", name).description("Connections in use").register(registry),
                Gauge.builder(RetortMetrics.POOL_AVAILABLE, pool, p -> p.getMetrics().availableCount()).tag("db.system", system)
                        .tag("pool", name).description("Idle connections ready for use").register(registry),
                Gauge.builder(RetortMetrics.POOL_AWAITING, pool, p -> p.getMetrics().awaitingCount()).tag("db.system", system)
                        .tag("pool", name).description("Threads waiting for a connection").register(registry)));
        gauges.users = 1;
        BOUND.add(gauges);
        return gauges;
    }

    private static boolean taken(MeterRegistry registry, String name) {
        return BOUND.stream().anyMatch(bound -> bound.registry == registry && bound.name.equals(name))
                || registry.find(RetortMetrics.POOL_ACTIVE).tag("pool", name).gauge() != null;
    }

    /** One engine less on the pool: the last one takes the gauges out of the registry. */
    void release() {
        synchronized (PoolGauges.class) {
            if (users > 0 && --users == 0) {
                meters.forEach(registry::remove);
                BOUND.remove(this);
            }
        }
    }
}
