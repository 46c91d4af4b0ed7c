package dev.retort.it.replicas;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.retort.DatabaseUnavailableException;
import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.ReadOnly;
import dev.retort.Session;
import dev.retort.SessionFactory;
import dev.retort.engine.Replicas;

/** An engine over a cluster's primary and replicas with a fresh {@link Note} table, and what tests ask of it. */
final class Replicated implements AutoCloseable {
    static final String TABLE = "replica_notes";

    final Cluster cluster;
    final Engine engine;
    final SessionFactory sessions;

    private Replicated(Cluster cluster, Engine engine) {
        this.cluster = cluster;
        this.engine = engine;
        this.sessions = SessionFactory.of(engine, Metadata.of(Note.class));
    }

    /** The engine over the cluster's node 0 and its replicas, with the given {@code replicas.wait}. */
    static Replicated start(Cluster cluster, String wait) {
        return over(cluster.ensureStarted(), cluster.url(0), cluster.replicaUrls(), wait);
    }

    /** As {@link #start}, once a read-your-writes session has seen the first note (so the replicas have the table). */
    static Replicated synced(Cluster cluster, String wait) {
        Replicated replicated = start(cluster, wait);
        replicated.countAndWho(ReadOnly.readYourWrites(), "first");
        return replicated;
    }

    /** What {@link #countAndWho} saw and how long the session took. */
    record TimedRead(String seen, long millis) {
    }

    /** {@link #countAndWho}, timed from opening the session to closing it. */
    TimedRead timedCountAndWho(ReadOnly reads, String text) {
        long start = System.nanoTime();
        String seen = countAndWho(reads, text);
        return new TimedRead(seen, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /** An engine over {@code primaryUrl} and {@code replicaUrls}; creates the table and writes a first note. */
    static Replicated over(Cluster cluster, String primaryUrl, String replicaUrls, String wait) {
        Replicated replicated = reopen(cluster, primaryUrl, replicaUrls, wait);
        Metadata metadata = Metadata.of(Note.class);
        metadata.dropAll(replicated.engine);
        metadata.createAll(replicated.engine);
        replicated.write("first");
        return replicated;
    }

    /** An engine over {@code primaryUrl} and {@code replicaUrls} on the table as it is. */
    static Replicated reopen(Cluster cluster, String primaryUrl, String replicaUrls, String wait) {
        return reopen(cluster, primaryUrl, replicaUrls, Map.of(Replicas.WAIT, wait));
    }

    /** As {@link #reopen(Cluster, String, String, String)}, with replica options that replace the suite's defaults. */
    static Replicated reopen(Cluster cluster, String primaryUrl, String replicaUrls, Map<String, String> replicaOptions) {
        Map<String, Object> options = new java.util.HashMap<>(Map.of(Replicas.URLS, replicaUrls, Replicas.CHECK_INTERVAL, "200ms",
                "pool-size", 4, "acquisition-timeout-seconds", 5));
        options.putAll(replicaOptions);
        return new Replicated(cluster, Engine.create(primaryUrl, options));
    }

    void write(String text) {
        sessions.useTransaction(session -> session.add(new Note(text)));
    }

    /** Which server a session of {@code reads} runs on ({@code replica:port} or {@code primary:port}). */
    String whoReads(ReadOnly reads) {
        try (Session session = sessions.open(reads)) {
            return session.sql(cluster.whoSql()).scalar(String.class);
        }
    }

    /** Which server a writing session runs on. */
    String whoWrites() {
        try (Session session = sessions.open()) {
            return session.sql(cluster.whoSql()).scalar(String.class);
        }
    }

    /** How many notes with {@code text} a session of {@code reads} sees, and on which server: "count@who". */
    String countAndWho(ReadOnly reads, String text) {
        try (Session session = sessions.open(reads)) {
            long count = session.query(Note.class).filterBy("text", text).count();
            return count + "@" + session.sql(cluster.whoSql()).scalar(String.class);
        }
    }

    String replica(int node) {
        return "replica:" + cluster.port(node);
    }

    String primary(int node) {
        return "primary:" + cluster.port(node);
    }

    /**
     * Promotes node {@code node} of the cluster and writes until a write succeeds (within 30 s), then prints what the
     * failover took ({@code what}: "PostgreSQL failover: pg_ctl promote"), counted from {@code stoppedAt} (nanoTime
     * when the primary was stopped).
     */
    void promoteAndAwaitWrites(int node, String what, long stoppedAt) {
        long promoting = System.nanoTime();
        cluster.promote(node);
        long promoted = System.nanoTime();
        int failures = 0;
        while (true) {
            try {
                write("after promotion");
                break;
            } catch (DatabaseUnavailableException stillDown) {
                failures++;
                if (TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - promoted) >= 30) {
                    throw new AssertionError("no write succeeded within 30 s of the promotion", stillDown);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
        long resumed = System.nanoTime();
        System.out.printf("[replicas] %s took %d ms; the first write succeeded %d ms after it returned (%d failed "
                        + "attempts), %d ms after the primary stopped%n", what, millis(promoted - promoting),
                millis(resumed - promoted), failures, millis(resumed - stoppedAt));
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    @Override
    public void close() {
        engine.close();
    }
}
