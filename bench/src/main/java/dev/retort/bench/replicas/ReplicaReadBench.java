package dev.retort.bench.replicas;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.ReadOnly;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.bench.BenchArguments;
import dev.retort.bench.Settle;
import dev.retort.bench.Timings;

/**
 * Read throughput of W3-style lookups (a {@code get} by key, a fresh read-only session per 100) from many
 * threads at once, on a PostgreSQL primary with 0, 1 and 2 streaming replicas: Retort's read-only sessions
 * ({@code ReadOnly.maybeStale()}, so no wait for a commit position) against hand-written JDBC doing the same
 * lookups and spreading its units of work over the same servers in turn. The cluster is
 * {@code .ci/clusters.sh}'s, started here on ports of the benchmark's own and stopped at the end.
 * <p>
 * Settings ({@code key=value}): {@code pg-port} (node 0's port, nodes 1 and 2 on the next two; default 5490),
 * {@code dir} (the cluster's folder, default /tmp/retort-bench-pgc), {@code threads} (16), {@code rows} (10,000),
 * {@code lookups} (per thread and round, 2,000), {@code per-session} (100), {@code warmup} (2), {@code measure} (5).
 */
public final class ReplicaReadBench {
    private final ReplicaCluster cluster;
    private final int threads;
    private final int rows;
    private final int lookups;
    private final int perSession;
    private final int warmup;
    private final int measure;
    private long[] ids;

    private ReplicaReadBench(BenchArguments arguments) {
        cluster = new ReplicaCluster(arguments.integer("pg-port", 5490), Path.of(arguments.text("dir", "/tmp/retort-bench-pgc")));
        threads = arguments.integer("threads", 16);
        rows = arguments.integer("rows", 10_000);
        lookups = arguments.integer("lookups", 2_000);
        perSession = arguments.integer("per-session", 100);
        warmup = arguments.integer("warmup", 2);
        measure = arguments.integer("measure", 5);
        arguments.done();
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = BenchArguments.words(args);
        ReplicaReadBench bench = new ReplicaReadBench(BenchArguments.of(arguments));
        bench.cluster.around(bench::run, "replica-results.md");
    }

    /**
     * Every contender is opened first; then each sweep runs one round of each, in an order that turns by one per
     * sweep, so that the JIT's warming and the machine's other load fall on all of them alike.
     */
    private String run() throws Exception {
        seed();
        Map<String, Unit> contenders = new LinkedHashMap<>();
        List<AutoCloseable> opened = new ArrayList<>();
        Map<String, List<Double>> results = new LinkedHashMap<>();
        try {
            for (int replicas = 0; replicas <= 2; replicas++) {
                contenders.put("jdbc|" + replicas, jdbc(replicas, opened));
                contenders.put("retort|" + replicas, retort(replicas, opened));
            }
            contenders.keySet().forEach(name -> results.put(name, new ArrayList<>()));
            List<String> names = new ArrayList<>(contenders.keySet());
            for (int sweep = 0; sweep < warmup + measure; sweep++) {
                for (int i = 0; i < names.size(); i++) {
                    String name = names.get((i + sweep) % names.size());
                    double perSecond = round(contenders.get(name), sweep);
                    System.out.printf(Locale.ROOT, "[replica-bench] %s replicas %s, %s sweep %d: %.0f lookups/s%n",
                            name.substring(name.indexOf('|') + 1), name.substring(0, name.indexOf('|')),
                            sweep < warmup ? "warm-up" : "measured", sweep + 1, perSecond);
                    if (sweep >= warmup) {
                        results.get(name).add(perSecond);
                    }
                }
            }
        } finally {
            for (AutoCloseable closeable : opened) {
                closeable.close();
            }
        }
        return table(results);
    }

    /** Rows on the primary, settled, and on both replicas before anything is timed. */
    private void seed() throws Exception {
        Metadata metadata = Metadata.of(Reader.class);
        try (Engine primary = Engine.create(cluster.url(0))) {
            metadata.dropAll(primary);
            metadata.createAll(primary);
            SessionFactory sessions = SessionFactory.of(primary, metadata);
            sessions.useTransaction(session -> {
                for (int i = 1; i <= rows; i++) {
                    session.add(new Reader((long) i, "reader " + i, 20 + i % 50));
                }
            });
            Settle.tables(primary, "replica_bench_readers");
        }
        ids = new long[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = i + 1;
        }
        for (int node = 1; node <= 2; node++) {
            awaitRows(node);
        }
    }

    private void awaitRows(int node) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Connection connection = java.sql.DriverManager.getConnection(cluster.url(node));
                 PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM replica_bench_readers");
                 ResultSet result = count.executeQuery()) {
                if (result.next() && result.getLong(1) == rows) {
                    return;
                }
            } catch (SQLException e) {
                // the table has not reached the replica yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("replica " + node + " did not receive the " + rows + " rows within 60 s");
    }

    private Engine engine(int replicas) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("pool-size", threads);
        if (replicas > 0) {
            List<String> urls = new ArrayList<>();
            for (int node = 1; node <= replicas; node++) {
                urls.add(cluster.url(node));
            }
            options.put("replicas", urls);
            options.put("replicas.check-interval", "0");
        }
        return Engine.create(cluster.url(0), options);
    }

    /** Hand-written JDBC: each unit of 100 lookups on one read-only transaction, units taking the servers in turn. */
    private Unit jdbc(int replicas, List<AutoCloseable> opened) {
        List<DataSource> servers = new ArrayList<>();
        for (int node = replicas == 0 ? 0 : 1; node <= replicas; node++) {
            Engine engine = Engine.create(cluster.url(node), Map.of("pool-size", threads));
            opened.add(engine);
            servers.add(engine.dataSource());
        }
        AtomicInteger turn = new AtomicInteger();
        return (random, count) -> {
            DataSource server = servers.get(Math.floorMod(turn.getAndIncrement(), servers.size()));
            try (Connection connection = server.getConnection()) {
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT id, name, age FROM replica_bench_readers WHERE id = ?")) {
                    Map<Long, Reader> identity = new java.util.HashMap<>();
                    for (int i = 0; i < count; i++) {
                        long id = ids[random.nextInt(ids.length)];
                        select.setLong(1, id);
                        try (ResultSet result = select.executeQuery()) {
                            if (!result.next()) {
                                throw new IllegalStateException("no row " + id);
                            }
                            int age = result.getInt(3);
                            identity.put(id, new Reader(result.getLong(1), result.getString(2), result.wasNull() ? null : age));
                        }
                    }
                }
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        };
    }

    /** Retort: a read-only session per 100 lookups; the engine takes its replicas in turn (the primary without). */
    private Unit retort(int replicas, List<AutoCloseable> opened) {
        Engine engine = engine(replicas);
        opened.add(engine);
        SessionFactory sessions = SessionFactory.of(engine, Metadata.of(Reader.class));
        return (random, count) -> {
            try (Session session = sessions.open(ReadOnly.maybeStale())) {
                for (int i = 0; i < count; i++) {
                    long id = ids[random.nextInt(ids.length)];
                    if (session.get(Reader.class, id) == null) {
                        throw new IllegalStateException("no row " + id);
                    }
                }
            }
        };
    }

    /** One unit of work: {@code count} lookups with the thread's random ids. */
    private interface Unit {
        void run(SplittableRandom random, int count) throws Exception;
    }

    /** Lookups per second of one round: every thread runs its lookups in units of per-session at once. */
    private double round(Unit unit, int sweep) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                SplittableRandom random = new SplittableRandom(sweep * 1_000L + thread);
                work.add(pool.submit(() -> {
                    start.await();
                    for (int done = 0; done < lookups; done += perSession) {
                        unit.run(random, Math.min(perSession, lookups - done));
                    }
                    return null;
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            for (Future<?> future : work) {
                future.get();
            }
            return threads * (double) lookups / ((System.nanoTime() - began) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private String table(Map<String, List<Double>> results) {
        StringBuilder table = new StringBuilder();
        table.append("Replica reads: ").append(threads).append(" threads, ").append(lookups).append(" lookups each per round ")
                .append("(a session per ").append(perSession).append("), ").append(rows).append(" rows, ").append(measure)
                .append(" measured sweeps after ").append(warmup).append(" warm-up (each sweep one round of every contender, the order turning); ").append(Timings.environment()).append("\n\n");
        table.append("| replicas | contender | lookups/s median | min–max | vs JDBC (same servers) | vs same contender, 0 replicas |\n");
        table.append("|---|---|---|---|---|---|\n");
        for (int replicas = 0; replicas <= 2; replicas++) {
            double jdbc = Timings.median(results.get("jdbc|" + replicas));
            for (String contender : List.of("jdbc", "retort")) {
                List<Double> cell = results.get(contender + "|" + replicas);
                double median = Timings.median(cell);
                double alone = Timings.median(results.get(contender + "|0"));
                table.append(String.format(Locale.ROOT, "| %d%s | %s | %.0f | %.0f–%.0f | %.2f× | %.2f× |%n", replicas,
                        replicas == 0 ? " (primary)" : "", contender, median, Timings.min(cell), Timings.max(cell),
                        median / jdbc, median / alone));
            }
        }
        return table.toString();
    }
}
