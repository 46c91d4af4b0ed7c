package dev.retort.bench.replicas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The PostgreSQL primary (node 0) and two streaming replicas (nodes 1 and 2, on the next two ports) that the replica
 * benchmarks run on, made and removed by {@code .ci/clusters.sh} in the benchmark's own folder and ports.
 */
final class ReplicaCluster {
    private final int port;
    private final Path dir;

    ReplicaCluster(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    String url(int node) {
        return "jdbc:postgresql://127.0.0.1:" + (port + node) + "/retort?user=retort&password=retort";
    }

    /**
     * Makes the cluster, runs {@code bench} on it and removes the cluster even if the run failed; then prints the
     * run's table and writes it to {@code bench/target/<resultFile>} when that folder exists.
     */
    void around(Callable<String> bench, String resultFile) throws Exception {
        String table;
        run("retort_pgc_init");
        try {
            table = bench.call();
        } finally {
            run("retort_pgc_clean");
        }
        System.out.println();
        System.out.println(table);
        Path out = Path.of("bench", "target", resultFile);
        if (Files.isDirectory(out.getParent())) {
            Files.writeString(out, table);
            System.out.println("Table written to " + out.toAbsolutePath());
        }
    }

    /** Runs one function of .ci/clusters.sh on this cluster's folder and ports. */
    private void run(String function) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "source .ci/clusters.sh && " + function).inheritIO();
        builder.environment().put("RETORT_PGC_DIR", dir.toString());
        builder.environment().put("RETORT_PGC_PORT", String.valueOf(port));
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(function + " failed (exit " + exit + "); run from the project's folder, as root");
        }
    }
}
