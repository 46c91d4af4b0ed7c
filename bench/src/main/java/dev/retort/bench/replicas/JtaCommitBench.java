package dev.retort.bench.replicas;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.postgresql.ds.PGSimpleDataSource;

import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.narayana.NarayanaTransactionIntegration;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.SessionFactory;
import dev.retort.bench.BenchArguments;
import dev.retort.bench.Timings;
import dev.retort.dialect.Dialects;
import dev.retort.jta.JtaSessions;

/**
 * What read-your-writes costs a container's writing transactions: one-row JTA transactions (Narayana, an Agroal XA pool
 * of the PostgreSQL primary) from several threads, through {@link JtaSessions} over an engine without replicas and over
 * one with two replicas in rotation, where each commit is followed by a connection from the primary's pool and a
 * {@code pg_current_wal_lsn()} query (the position read-only transactions then wait for); hand-written JDBC in the same
 * JTA transactions is the baseline. The cluster is {@code .ci/clusters.sh}'s, started here and removed at the end.
 * <p>
 * Settings ({@code key=value}): {@code pg-port} (node 0's port, the replicas on the next two; default 5490), {@code dir}
 * (default /tmp/retort-bench-jta-pgc), {@code threads} (4), {@code commits} (per thread and round, 500), {@code warmup}
 * (2), {@code measure} (5).
 */
public final class JtaCommitBench {
    private static final String INSERT = "INSERT INTO replica_bench_readers (id, name, age) VALUES (?, ?, ?)";

    private final ReplicaCluster cluster;
    private final int threads;
    private final int commits;
    private final int warmup;
    private final int measure;
    private final AtomicLong nextId = new AtomicLong();

    private JtaCommitBench(BenchArguments arguments) {
        cluster = new ReplicaCluster(arguments.integer("pg-port", 5490), Path.of(arguments.text("dir", "/tmp/retort-bench-jta-pgc")));
        threads = arguments.integer("threads", 4);
        commits = arguments.integer("commits", 500);
        warmup = arguments.integer("warmup", 2);
        measure = arguments.integer("measure", 5);
        arguments.done();
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = BenchArguments.words(args);
        JtaCommitBench bench = new JtaCommitBench(BenchArguments.of(arguments));
        bench.cluster.around(bench::run, "jta-commit-results.md");
        // Narayana's recovery and reaper threads are not daemons.
        System.exit(0);
    }

    /** Each sweep runs one round of every contender, in an order that turns by one per sweep. */
    private String run() throws Exception {
        TransactionManager transactions = com.arjuna.ats.jta.TransactionManager.transactionManager();
        TransactionSynchronizationRegistry registry = new TransactionSynchronizationRegistryImple();
        Metadata metadata = Metadata.of(Reader.class);
        try (Engine setup = Engine.create(cluster.url(0))) {
            metadata.dropAll(setup);
            metadata.createAll(setup);
        }
        AgroalDataSource primary = xaPool(transactions, registry);
        Map<String, DataSource> replicas = new LinkedHashMap<>();
        for (int node = 1; node <= 2; node++) {
            PGSimpleDataSource replica = new PGSimpleDataSource();
            replica.setURL(cluster.url(node));
            replicas.put("replica " + node, replica);
        }
        Engine alone = Engine.of(primary, Dialects.byName("postgresql").orElseThrow(), "PostgreSQL primary", false);
        // No background check: both replicas stay in rotation, as on a healthy cluster.
        Engine withReplicas = Engine.of(primary, replicas, Dialects.byName("postgresql").orElseThrow(), "PostgreSQL primary",
                Map.of("replicas.check-interval", "0"));
        Map<String, Unit> contenders = new LinkedHashMap<>();
        contenders.put("JDBC in JTA", this::jdbcCommit);
        contenders.put("Retort, no replicas", retort(new JtaSessions(SessionFactory.of(alone, metadata), registry)));
        contenders.put("Retort, 2 replicas", retort(new JtaSessions(SessionFactory.of(withReplicas, metadata), registry)));
        Map<String, List<Double>> results = new LinkedHashMap<>();
        contenders.keySet().forEach(name -> results.put(name, new ArrayList<>()));
        try {
            if (withReplicas.replicasInRotation().size() != 2) {
                throw new IllegalStateException("the replicas are not in rotation: " + withReplicas.replicasInRotation());
            }
            List<String> names = new ArrayList<>(contenders.keySet());
            for (int sweep = 0; sweep < warmup + measure; sweep++) {
                for (int i = 0; i < names.size(); i++) {
                    String name = names.get((i + sweep) % names.size());
                    double perSecond = round(contenders.get(name), transactions, primary);
                    System.out.printf(Locale.ROOT, "[jta-commit-bench] %s, %s sweep %d: %.0f commits/s%n", name,
                            sweep < warmup ? "warm-up" : "measured", sweep + 1, perSecond);
                    if (sweep >= warmup) {
                        results.get(name).add(perSecond);
                    }
                }
            }
        } finally {
            withReplicas.close();
            alone.close();
            primary.close();
        }
        return table(results);
    }

    private AgroalDataSource xaPool(TransactionManager transactions, TransactionSynchronizationRegistry registry)
            throws SQLException {
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool
                        .maxSize(threads * 2)
                        .acquisitionTimeout(Duration.ofSeconds(30))
                        .transactionIntegration(new NarayanaTransactionIntegration(transactions, registry))
                        .connectionFactoryConfiguration(factory -> factory
                                .connectionProviderClass(org.postgresql.xa.PGXADataSource.class)
                                .xaProperty("url", cluster.url(0))
                                .autoCommit(true)));
        return AgroalDataSource.from(configuration);
    }

    /** One transaction's work, run between begin and commit. */
    private interface Unit {
        void run(DataSource primary) throws Exception;
    }

    private void jdbcCommit(DataSource primary) throws SQLException {
        long id = nextId.incrementAndGet();
        try (Connection connection = primary.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, id);
            insert.setString(2, "reader " + id);
            insert.setInt(3, 20 + (int) (id % 50));
            insert.executeUpdate();
        }
    }

    private Unit retort(JtaSessions sessions) {
        return primary -> {
            long id = nextId.incrementAndGet();
            sessions.current().add(new Reader(id, "reader " + id, 20 + (int) (id % 50)));
        };
    }

    /** Commits per second of one round: every thread runs its transactions one after the other. */
    private double round(Unit unit, TransactionManager transactions, DataSource primary) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                work.add(pool.submit(() -> {
                    start.await();
                    for (int done = 0; done < commits; done++) {
                        transactions.begin();
                        try {
                            unit.run(primary);
                        } catch (Exception | Error e) {
                            transactions.rollback();
                            throw e;
                        }
                        transactions.commit();
                    }
                    return null;
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            for (Future<?> future : work) {
                future.get();
            }
            return threads * (double) commits / ((System.nanoTime() - began) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private String table(Map<String, List<Double>> results) {
        StringBuilder table = new StringBuilder();
        table.append("JTA commits: ").append(threads).append(" threads, ").append(commits).append(" one-row transactions each per ")
                .append("round, ").append(measure).append(" measured sweeps after ").append(warmup).append(" warm-up (each sweep one ")
                .append("round of every contender, the order turning); ").append(Timings.environment()).append("\n\n");
        table.append("| contender | commits/s median | min–max | vs JDBC in JTA | vs Retort, no replicas |\n");
        table.append("|---|---|---|---|---|\n");
        double jdbc = Timings.median(results.get("JDBC in JTA"));
        double alone = Timings.median(results.get("Retort, no replicas"));
        results.forEach((name, cell) -> {
            double median = Timings.median(cell);
            table.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f–%.0f | %.2f× | %.2f× |%n", name, median,
                    Timings.min(cell), Timings.max(cell), median / jdbc, median / alone));
        });
        return table.toString();
    }
}
