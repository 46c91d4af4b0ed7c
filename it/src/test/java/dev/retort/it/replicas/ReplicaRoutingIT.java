package dev.retort.it.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.retort.CommitToken;
import dev.retort.ReadOnly;

/**
 * Routing on real replicated servers of the suite's own (a PostgreSQL primary with two streaming replicas,
 * a MariaDB primary with a GTID replica): where reads and writes go, read-your-writes under a delayed
 * replica, and a stopped replica leaving rotation and coming back. Nothing is mocked.
 */
@EnabledIfEnvironmentVariable(named = Cluster.ENABLED_BY, matches = "1")
class ReplicaRoutingIT {
    @RegisterExtension
    final ReplicaWarnings warnings = new ReplicaWarnings();

    @ParameterizedTest
    @EnumSource(Cluster.class)
    void readsReachTheReplicasInTurnAndWritesThePrimary(Cluster cluster) {
        try (Replicated setup = Replicated.start(cluster, "5s")) {
            assertThat(setup.countAndWho(ReadOnly.readYourWrites(), "first")).startsWith("1@replica:");
        }
        // With the setup's connections closed, every server has published its statistics of the table.
        long[] before = stableTableReads(cluster);
        Set<String> readers = new HashSet<>();
        try (Replicated replicated = Replicated.reopen(cluster, cluster.url(0), cluster.replicaUrls(), "5s")) {
            for (int i = 0; i < 20; i++) {
                String seen = replicated.countAndWho(ReadOnly.maybeStale(), "first");
                assertThat(seen).startsWith("1@replica:");
                readers.add(seen.substring(2));
            }
            assertThat(replicated.whoWrites()).isEqualTo(replicated.primary(0));
        }
        List<String> replicas = new ArrayList<>();
        for (int node = 1; node < cluster.nodes; node++) {
            replicas.add("replica:" + cluster.port(node));
        }
        assertThat(readers).containsExactlyInAnyOrderElementsOf(replicas);
        // The engine is closed, so every server has published its statistics: the reads were the replicas' own.
        for (int node = 1; node < cluster.nodes; node++) {
            int replica = node;
            awaitTrue(() -> cluster.tableReads(replica, Replicated.TABLE) > before[replica], 15,
                    cluster.displayName() + " replica " + node + " counted no read of " + Replicated.TABLE);
        }
        assertThat(cluster.tableReads(0, Replicated.TABLE)).isEqualTo(before[0]);
    }

    @ParameterizedTest
    @EnumSource(Cluster.class)
    void readYourWritesWaitsForADelayedReplicaWithinTheBound(Cluster cluster) {
        try (Replicated replicated = Replicated.synced(cluster, "10s")) {
            whileReplicasLag(replicated, 2, () -> {
                replicated.write("fresh");
                assertThat(replicated.countAndWho(ReadOnly.maybeStale(), "fresh")).startsWith("0@replica:");
                Replicated.TimedRead read = replicated.timedCountAndWho(ReadOnly.readYourWrites(), "fresh");
                System.out.printf("[replicas] %s: read-your-writes waited %d ms for a replica delayed by 2 s%n",
                        cluster.displayName(), read.millis());
                assertThat(read.seen()).startsWith("1@replica:");
                assertThat(read.millis()).isBetween(500L, 9_000L);
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Cluster.class)
    void aReplicaThatDoesNotApplyTheCommitInTimeLeavesTheReadToThePrimary(Cluster cluster) {
        try (Replicated replicated = Replicated.synced(cluster, "300ms")) {
            whileReplicasLag(replicated, 3, () -> {
                replicated.write("fresh");
                Replicated.TimedRead read = replicated.timedCountAndWho(ReadOnly.readYourWrites(), "fresh");
                System.out.printf("[replicas] %s: read-your-writes gave up on the delayed replicas after %d ms (bound 300 ms)%n",
                        cluster.displayName(), read.millis());
                assertThat(read.seen()).isEqualTo("1@" + replicated.primary(0));
                assertThat(read.millis()).isBetween(300L, 2_900L);
            });
        }
    }

    /**
     * What a JTA transaction manager does: the commit runs on a connection Retort's session never saw, and the
     * position is then read on another connection of the primary (MariaDB's {@code @@last_gtid} is empty there;
     * the server's {@code @@gtid_binlog_pos} holds the commit).
     */
    @ParameterizedTest
    @EnumSource(Cluster.class)
    void aCommitMadeOnAnotherConnectionIsWaitedForOnceRecordedFromAnyConnection(Cluster cluster) throws Exception {
        try (Replicated replicated = Replicated.synced(cluster, "10s")) {
            whileReplicasLag(replicated, 2, () -> {
                try (Connection committing = replicated.engine.connect(); Connection other = replicated.engine.connect()) {
                    try (Statement insert = committing.createStatement()) {
                        insert.executeUpdate("INSERT INTO " + Replicated.TABLE + " (text) VALUES ('elsewhere')");
                    }
                    replicated.engine.committedElsewhere(other);
                } catch (SQLException e) {
                    throw new AssertionError(e);
                }
                assertThat(replicated.countAndWho(ReadOnly.maybeStale(), "elsewhere")).startsWith("0@replica:");
                assertThat(replicated.countAndWho(ReadOnly.readYourWrites(), "elsewhere")).startsWith("1@replica:");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Cluster.class)
    void aCommitTokenCarriesReadYourWritesToAnotherThread(Cluster cluster) {
        try (Replicated replicated = Replicated.synced(cluster, "10s")) {
            whileReplicasLag(replicated, 2, () -> {
                replicated.write("handed over");
                String token = replicated.sessions.lastCommit().toString();
                assertThat(token).isNotEmpty();
                String seen = CompletableFuture.supplyAsync(() -> {
                    assertThat(replicated.sessions.lastCommit()).isEqualTo(CommitToken.NONE);
                    return replicated.countAndWho(ReadOnly.after(CommitToken.parse(token)), "handed over");
                }).orTimeout(30, TimeUnit.SECONDS).join();
                assertThat(seen).startsWith("1@replica:");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Cluster.class)
    void aReplicaThatLagsMoreThanMaxLagLeavesRotationAndReturns(Cluster cluster) {
        try (Replicated setup = Replicated.synced(cluster, "1s");
             Replicated replicated = Replicated.reopen(cluster, cluster.url(0), cluster.replicaUrls(),
                     java.util.Map.of("replicas.max-lag", "1s", "replicas.wait", "0"))) {
            assertThat(replicated.engine.replicasInRotation()).hasSize(cluster.nodes - 1);
            whileReplicasLag(replicated, 3, () -> {
                awaitTrue(() -> {
                    replicated.write("while lagging");
                    return replicated.engine.replicasInRotation().isEmpty();
                }, 15, "the lagging replicas are still in rotation: " + replicated.engine.replicasInRotation());
                assertThat(replicated.whoReads(ReadOnly.maybeStale())).isEqualTo(replicated.primary(0));
            });
            awaitTrue(() -> replicated.engine.replicasInRotation().size() == cluster.nodes - 1, 20,
                    "the replicas did not return once caught up: " + replicated.engine.replicasInRotation());
            assertThat(replicated.whoReads(ReadOnly.maybeStale())).startsWith("replica:");
        }
    }

    @ParameterizedTest
    @EnumSource(Cluster.class)
    void anEngineOverTheApplicationsOwnDataSourcesRoutesTheSameWay(Cluster cluster) {
        try (Replicated setup = Replicated.synced(cluster, "5s")) {
            assertThat(setup.whoWrites()).isEqualTo(setup.primary(0));
        }
        java.util.Map<String, javax.sql.DataSource> replicas = new java.util.LinkedHashMap<>();
        for (int node = 1; node < cluster.nodes; node++) {
            replicas.put("replica " + node, cluster.dataSource(node));
        }
        dev.retort.Engine engine = dev.retort.Engine.of(cluster.dataSource(0), replicas,
                dev.retort.dialect.Dialects.byName(cluster == Cluster.POSTGRESQL ? "postgresql" : "mariadb").orElseThrow(),
                cluster.displayName() + " primary", java.util.Map.of("replicas.wait", "5s"));
        try (engine) {
            dev.retort.SessionFactory sessions = dev.retort.SessionFactory.of(engine, dev.retort.Metadata.of(Note.class));
            sessions.useTransaction(session -> session.add(new Note("own pools")));
            try (dev.retort.Session session = sessions.open(ReadOnly.readYourWrites())) {
                assertThat(session.query(Note.class).filterBy("text", "own pools").count()).isEqualTo(1);
                assertThat(session.sql(cluster.whoSql()).scalar(String.class)).startsWith("replica:");
            }
            assertThat(engine.replicasInRotation()).hasSize(cluster.nodes - 1);
        }
    }

    /**
     * Two hundred writes each followed at once by a read-your-writes session: every one sees its write (on a
     * replica, or the primary when none caught up in time). Prints what read-your-writes costs: the position
     * read after each commit, and the check (and wait) before each read, against an engine without replicas
     * and against reads that do not wait.
     */
    @ParameterizedTest
    @EnumSource(Cluster.class)
    void everyReadYourWritesSessionSeesItsWriteAndWhatThatCosts(Cluster cluster) {
        int rounds = 200;
        try (Replicated replicated = Replicated.synced(cluster, "1s");
             Replicated plain = Replicated.reopen(cluster, cluster.url(0), cluster.replicaUrls(), "1s")) {
            dev.retort.SessionFactory unrouted = dev.retort.SessionFactory.of(
                    dev.retort.Engine.create(cluster.url(0), java.util.Map.of("pool-size", 4)), dev.retort.Metadata.of(Note.class));
            try {
                for (int i = 0; i < 50; i++) {  // warm-up of both engines
                    replicated.write("warm-up");
                    unrouted.useTransaction(session -> session.add(new Note("warm-up")));
                    replicated.whoReads(ReadOnly.readYourWrites());
                }
                long routedWrites = 0;
                long plainWrites = 0;
                long waitingReads = 0;
                long staleReads = 0;
                int onPrimary = 0;
                for (int i = 0; i < rounds; i++) {
                    String text = "round " + i;
                    long start = System.nanoTime();
                    unrouted.useTransaction(session -> session.add(new Note(text + " unrouted")));
                    plainWrites += System.nanoTime() - start;
                    start = System.nanoTime();
                    replicated.write(text);
                    routedWrites += System.nanoTime() - start;
                    start = System.nanoTime();
                    String seen = replicated.countAndWho(ReadOnly.readYourWrites(), text);
                    waitingReads += System.nanoTime() - start;
                    assertThat(seen).startsWith("1@");
                    onPrimary += seen.startsWith("1@primary") ? 1 : 0;
                    start = System.nanoTime();
                    plain.countAndWho(ReadOnly.maybeStale(), text);
                    staleReads += System.nanoTime() - start;
                }
                System.out.printf("[replicas] %s, %d rounds: write transaction %d µs with replicas (commit position read) vs %d µs "
                                + "without; read-your-writes session right after the write %d µs vs %d µs for a session that does "
                                + "not wait; %d of %d reads went to the primary%n", cluster.displayName(), rounds,
                        routedWrites / rounds / 1000, plainWrites / rounds / 1000, waitingReads / rounds / 1000,
                        staleReads / rounds / 1000, onPrimary, rounds);
                printReplicaLag(replicated);
            } finally {
                unrouted.engine().close();
            }
        }
    }

    /** Prints how long after a commit returned its row was visible on the first replica (polled without pause). */
    private static void printReplicaLag(Replicated replicated) {
        Cluster cluster = replicated.cluster;
        int rounds = 100;
        long total = 0;
        long longest = 0;
        try (java.sql.Connection replica = cluster.admin(1);
             java.sql.PreparedStatement visible = replica.prepareStatement("SELECT COUNT(*) FROM " + Replicated.TABLE + " WHERE text = ?")) {
            for (int i = 0; i < rounds; i++) {
                String text = "lag " + i;
                replicated.write(text);
                long start = System.nanoTime();
                visible.setString(1, text);
                while (true) {
                    try (java.sql.ResultSet row = visible.executeQuery()) {
                        if (row.next() && row.getLong(1) == 1) {
                            break;
                        }
                    }
                }
                long lag = System.nanoTime() - start;
                total += lag;
                longest = Math.max(longest, lag);
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        System.out.printf("[replicas] %s: a commit was visible on replica 1 after %d µs on average, %d µs at most (%d commits)%n",
                cluster.displayName(), total / rounds / 1000, longest / 1000, rounds);
    }

    @ParameterizedTest
    @EnumSource(Cluster.class)
    void aStoppedReplicaLeavesRotationAndReturns(Cluster cluster) {
        try (Replicated replicated = Replicated.synced(cluster, "5s")) {
            assertThat(replicated.engine.replicasInRotation()).hasSize(cluster.nodes - 1);
            String stopped = "replica:" + cluster.port(1);
            cluster.halt(1);
            try {
                for (int i = 0; i < 10; i++) {
                    String seen = replicated.countAndWho(ReadOnly.maybeStale(), "first");
                    assertThat(seen).startsWith("1@").isNotEqualTo("1@" + stopped);
                }
                awaitTrue(() -> replicated.engine.replicasInRotation().size() == cluster.nodes - 2, 5,
                        "the stopped replica is still in rotation: " + replicated.engine.replicasInRotation());
                assertThat(replicated.engine.replicasInRotation()).noneMatch(location -> location.contains(":" + cluster.port(1) + "/"));
            } finally {
                cluster.resume(1);
            }
            long resumed = System.nanoTime();
            awaitTrue(() -> replicated.engine.replicasInRotation().size() == cluster.nodes - 1, 20,
                    "the replica did not return to rotation: " + replicated.engine.replicasInRotation());
            System.out.printf("[replicas] %s: the restarted replica was back in rotation %d ms after it accepted connections%n",
                    cluster.displayName(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - resumed));
            Set<String> readers = new HashSet<>();
            for (int i = 0; i < 2 * cluster.nodes; i++) {
                readers.add(replicated.whoReads(ReadOnly.maybeStale()));
            }
            assertThat(readers).contains(stopped);
        }
    }

    /**
     * Runs {@code work} while every replica applies each commit {@code seconds} after the primary made it, once
     * the engine has them all in rotation again (MariaDB's replica stops replicating for a moment while its
     * delay changes, and a check in that moment takes it out).
     */
    private static void whileReplicasLag(Replicated replicated, int seconds, Runnable work) {
        Cluster cluster = replicated.cluster;
        cluster.delayReplicas(seconds);
        try {
            // A check now, not only the background one: MariaDB's replica reads as stopped until its I/O thread has
            // reconnected, and a read that came in that moment would go to the primary.
            awaitTrue(() -> {
                replicated.engine.checkReplicas();
                return replicated.engine.replicasInRotation().size() == cluster.nodes - 1;
            }, 5,
                    "the replicas are not back in rotation after their delay changed: " + replicated.engine.replicasInRotation());
            work.run();
        } finally {
            cluster.delayReplicas(0);
        }
    }

    /** Each node's count of reads of the test table, once two looks 300 ms apart agree. */
    private static long[] stableTableReads(Cluster cluster) {
        long[] previous = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            long[] now = new long[cluster.nodes];
            for (int node = 0; node < cluster.nodes; node++) {
                now[node] = cluster.tableReads(node, Replicated.TABLE);
            }
            if (java.util.Arrays.equals(now, previous)) {
                return now;
            }
            previous = now;
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(cluster.displayName() + "'s table statistics did not settle: " + java.util.Arrays.toString(previous));
    }

    static void awaitTrue(BooleanSupplier condition, int seconds, String failure) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure + " after " + seconds + " s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
