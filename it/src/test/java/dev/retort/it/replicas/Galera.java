package dev.retort.it.replicas;

import java.nio.file.Path;
import java.util.Map;

import dev.retort.it.CiScript;

/**
 * A three-node MariaDB Galera cluster of the suite's own (Debian's galera-4, {@code .ci/clusters.sh}), every
 * node writable, on its own ports and folders; started on first use and stopped when the test JVM ends.
 */
final class Galera {
    static final int NODES = 3;
    private static final int BASE_PORT = Integer.getInteger("retort.clusters.galera-port", 3383);
    private static final Path DIR = Path.of(System.getProperty("retort.clusters.dir", "/tmp/retort-clusters-it")).resolve("galera");
    private static boolean started;

    private Galera() {
    }

    static synchronized void ensureStarted() {
        if (!started) {
            run("init");
            started = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> run("stop")));
        }
    }

    /** The JDBC URL of one node, as user retort. */
    static String url(int node) {
        return "jdbc:mariadb://127.0.0.1:" + (BASE_PORT + node) + "/retort?user=retort&password=retort";
    }

    private static void run(String step) {
        CiScript.run("clusters.sh", "retort_gal_" + step,
                Map.of("RETORT_GAL_DIR", DIR.toString(), "RETORT_GAL_PORT", Integer.toString(BASE_PORT)), "Galera cluster " + step, 300);
    }
}
