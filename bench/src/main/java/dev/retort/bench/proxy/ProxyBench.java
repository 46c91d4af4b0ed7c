package dev.retort.bench.proxy;

import com.p6spy.engine.spy.P6DataSource;
import dev.retort.jdbc.ProxyOptions;
import dev.retort.jdbc.RetortDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The proxy driver against the raw H2 driver, p6spy and datasource-proxy: 200,000 executions of a
 * prepared single-row SELECT and 100,000 batched INSERTs per configuration.
 *
 * <p>Without arguments it runs every configuration in a child JVM of its own, so that one
 * configuration's wrappers cannot make the JIT's call sites megamorphic for the next one, round after
 * round, and prints the median over rounds of each child's median, with ratios to the raw driver. With
 * a configuration name it measures that one.
 */
public final class ProxyBench {

    private static final int SELECTS = 200_000;
    private static final int INSERTS = 100_000;
    private static final int BATCH_SIZE = 1_000;
    private static final int USERS = 1_000;
    private static final int WARMUPS = 3;
    private static final int MEASURED = 3;
    /** Every configuration runs once per round, so background load spreads over all of them alike. */
    private static final int ROUNDS = 3;

    private static final List<String> CONFIGURATIONS = List.of("raw", "retort-off", "retort-file",
            "retort-buffered", "p6spy-off", "p6spy-file", "dsproxy-off", "dsproxy-file");

    private static final Path LOG_FOLDER = Path.of("target", "proxy-bench-logs");

    private ProxyBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].contains(",")) {
            runRounds(List.of(args[0].split(",")));
            return;
        }
        if (args.length == 1) {
            measure(args[0]);
            return;
        }
        runRounds(CONFIGURATIONS);
    }

    private static void runRounds(List<String> configurations) throws Exception {
        Files.createDirectories(LOG_FOLDER);
        Map<String, List<double[]>> rounds = new LinkedHashMap<>();
        for (int round = 1; round <= ROUNDS; round++) {
            for (String configuration : configurations) {
                System.out.println("round " + round + ": " + configuration);
                rounds.computeIfAbsent(configuration, name -> new ArrayList<>()).add(runChild(configuration));
            }
        }
        Map<String, double[]> medians = new LinkedHashMap<>();
        rounds.forEach((configuration, results) -> {
            double[] median = new double[4];
            for (int column = 0; column < median.length; column++) {
                int index = column;
                median[column] = median(results.stream().mapToDouble(result -> result[index]).toArray());
            }
            medians.put(configuration, median);
        });
        printTable(medians);
    }

    /**
     * Runs one configuration in a fresh JVM with this JVM's class path; returns {select ms, batch ms, select
     * CPU ms, batch CPU ms}.
     */
    private static double[] runChild(String configuration) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xms512m", "-Xmx512m", "-cp", classPath(),
                ProxyBench.class.getName(), configuration).redirectErrorStream(true);
        Process process = builder.start();
        double[] result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null) {
                System.out.println("  " + line);
                if (line.startsWith("RESULT ")) {
                    String[] parts = line.split(" ");
                    result = new double[] {Double.parseDouble(parts[2]), Double.parseDouble(parts[3]),
                            Double.parseDouble(parts[4]), Double.parseDouble(parts[5])};
                }
            }
        }
        if (process.waitFor() != 0 || result == null) {
            throw new IllegalStateException("Configuration " + configuration + " failed; see its output above");
        }
        return result;
    }

    /** exec:java runs us in a class loader of its own; its URLs are the project's class path. */
    private static String classPath() {
        ClassLoader loader = ProxyBench.class.getClassLoader();
        if (loader instanceof URLClassLoader) {
            List<String> entries = new ArrayList<>();
            for (URL url : ((URLClassLoader) loader).getURLs()) {
                entries.add(new File(url.getPath()).getPath());
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    /** Wall-clock columns, then the process's CPU time (all its threads: a background writer's, GC, JIT). */
    private static void printTable(Map<String, double[]> medians) {
        double[] raw = medians.containsKey("raw") ? medians.get("raw") : new double[] {Double.NaN, Double.NaN,
                Double.NaN, Double.NaN};
        System.out.println();
        System.out.printf(Locale.ROOT, "%-16s %14s %7s %14s %7s %14s %7s %14s %7s%n", "configuration", "select ms",
                "vs raw", "batch ms", "vs raw", "select CPU ms", "vs raw", "batch CPU ms", "vs raw");
        medians.forEach((configuration, result) -> System.out.printf(Locale.ROOT,
                "%-16s %14.1f %7.3f %14.1f %7.3f %14.1f %7.3f %14.1f %7.3f%n", configuration,
                result[0], result[0] / raw[0], result[1], result[1] / raw[1],
                result[2], result[2] / raw[2], result[3], result[3] / raw[3]));
    }

    /** CPU time of every thread of this JVM so far, in milliseconds. */
    private static double processCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
    }

    private static void measure(String configuration) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:proxybench;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        createTables(h2);
        DataSource dataSource = dataSource(configuration, h2);
        double[] selects = new double[MEASURED];
        double[] batches = new double[MEASURED];
        double[] selectsCpu = new double[MEASURED];
        double[] batchesCpu = new double[MEASURED];
        for (int iteration = -WARMUPS; iteration < MEASURED; iteration++) {
            double cpuBefore = processCpuMillis();
            double selectMillis = timeSelects(dataSource);
            double cpuBetween = processCpuMillis();
            double batchMillis = timeBatches(dataSource, h2);
            double cpuAfter = processCpuMillis();
            System.out.printf(Locale.ROOT, "%s iteration %d: select %.1f ms (CPU %.1f ms), batch %.1f ms (CPU %.1f ms)%n",
                    configuration, iteration, selectMillis, cpuBetween - cpuBefore, batchMillis, cpuAfter - cpuBetween);
            if (iteration >= 0) {
                selects[iteration] = selectMillis;
                batches[iteration] = batchMillis;
                selectsCpu[iteration] = cpuBetween - cpuBefore;
                batchesCpu[iteration] = cpuAfter - cpuBetween;
            }
        }
        System.out.printf(Locale.ROOT, "RESULT %s %.3f %.3f %.3f %.3f%n", configuration, median(selects),
                median(batches), median(selectsCpu), median(batchesCpu));
    }

    private static DataSource dataSource(String configuration, JdbcDataSource h2) throws IOException {
        switch (configuration) {
            case "raw":
                return h2;
            case "retort-off":
                return new RetortDataSource(h2, ProxyOptions.load(options("retort.log", "false")));
            case "retort-file":
                logToFile("dev.retort.jdbc.sql", "retort.log");
                return new RetortDataSource(h2, ProxyOptions.load(new Properties()));
            case "retort-buffered":
                Path file = LOG_FOLDER.resolve("retort-buffered.log");
                Files.deleteIfExists(file);
                return new RetortDataSource(h2, ProxyOptions.load(options("retort.log.file", file.toString())));
            case "p6spy-off":
                configureP6spy("com.p6spy.engine.spy.P6SpyFactory");
                return new P6DataSource(h2);
            case "p6spy-file":
                configureP6spy("com.p6spy.engine.spy.P6SpyFactory,com.p6spy.engine.logging.P6LogFactory");
                return new P6DataSource(h2);
            case "dsproxy-off":
                return ProxyDataSourceBuilder.create(h2).build();
            case "dsproxy-file":
                logToFile("bench.dsproxy", "dsproxy.log");
                return ProxyDataSourceBuilder.create(h2).logQueryByJUL(Level.INFO, "bench.dsproxy").build();
            default:
                throw new IllegalArgumentException("Unknown configuration " + configuration + "; one of " + CONFIGURATIONS);
        }
    }

    private static Properties options(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        return properties;
    }

    /** JUL's FileHandler with the bare message, the way an application without a logging framework would. */
    private static void logToFile(String loggerName, String fileName) throws IOException {
        FileHandler handler = new FileHandler(LOG_FOLDER.resolve(fileName).toString());
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                return record.getMessage() + System.lineSeparator();
            }
        });
        Logger logger = Logger.getLogger(loggerName);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        logger.setLevel(Level.INFO);
        KEEP.add(logger);
    }

    /** JUL holds loggers weakly; a collected logger would lose its handler mid-run. */
    private static final List<Logger> KEEP = new ArrayList<>();

    /** p6spy reads system properties when it first loads; "off" keeps its wrappers but no logging module. */
    private static void configureP6spy(String modules) {
        System.setProperty("p6spy.config.modulelist", modules);
        System.setProperty("p6spy.config.appender", "com.p6spy.engine.spy.appender.FileLogger");
        System.setProperty("p6spy.config.logfile", LOG_FOLDER.resolve("p6spy.log").toString());
        System.setProperty("p6spy.config.append", "false");
        System.setProperty("p6spy.config.jmx", "false");
        System.setProperty("p6spy.config.excludecategories", "info,debug,result,resultset");
    }

    private static void createTables(DataSource h2) throws SQLException {
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50))");
            statement.execute("CREATE TABLE events (id INTEGER, name VARCHAR(50))");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users VALUES (?, ?)")) {
                for (int id = 1; id <= USERS; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, "user " + id);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private static double timeSelects(DataSource dataSource) throws SQLException {
        long checksum = 0;
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            for (int i = 0; i < SELECTS; i++) {
                try (PreparedStatement select = connection.prepareStatement("SELECT name FROM users WHERE id = ?")) {
                    select.setInt(1, i % USERS + 1);
                    try (ResultSet resultSet = select.executeQuery()) {
                        resultSet.next();
                        checksum += resultSet.getString(1).length();
                    }
                }
            }
        }
        double millis = (System.nanoTime() - start) / 1e6;
        if (checksum == 0) {
            throw new IllegalStateException("no rows read");
        }
        return millis;
    }

    private static double timeBatches(DataSource dataSource, DataSource h2) throws SQLException {
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE TABLE events");
        }
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO events (id, name) VALUES (?, ?)")) {
                for (int i = 1; i <= INSERTS; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "event " + i);
                    insert.addBatch();
                    if (i % BATCH_SIZE == 0) {
                        insert.executeBatch();
                    }
                }
            }
            connection.commit();
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
