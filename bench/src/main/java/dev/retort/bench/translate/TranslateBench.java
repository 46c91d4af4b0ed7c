package dev.retort.bench.translate;

import dev.retort.jdbc.translate.Dialect;
import dev.retort.jdbc.translate.Translator;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Translation cost over the statements of the translation corpus ({@code jdbc-proxy/src/test/resources/translate}):
 * Retort's translator uncached (every call tokenizes and rewrites) and cached (a hit on the per-SQL cache),
 * against jOOQ 3.19's {@code parser().parseQuery(sql)} plus {@code render} for the target; and the cost the
 * translator adds to a loop of prepared statements on H2 through the proxy.
 */
public final class TranslateBench {

    private static final Path CORPUS = Path.of("jdbc-proxy", "src", "test", "resources", "translate");
    private static final int WARMUP_ROUNDS = 5;
    private static final int MEASURED_ROUNDS = 7;
    private static final int CALLS_PER_ROUND = 200;
    /** A statement whose first call is slow (jOOQ compiles a class for each ENUM type) gets fewer calls. */
    private static final long BUDGET_NANOS = 20_000_000;
    private static final int HITS = 20_000_000;
    private static final int LOOP = 200_000;

    private TranslateBench() {
    }

    record Sample(Dialect source, String sql) {
    }

    public static void main(String[] args) throws Exception {
        List<Sample> samples = corpus();
        System.out.printf(Locale.ROOT, "%d statements from %s%n", samples.size(), CORPUS);
        double[] retort = perStatement(samples, TranslateBench::retortUncached);
        report("retort uncached", retort);
        double[] jooq = perStatement(samples, TranslateBench::jooq);
        report("jOOQ parse+render", jooq);
        System.out.printf(Locale.ROOT, "jOOQ failed to parse %d of %d statements (excluded from its numbers)%n",
                lastFailures, samples.size());
        System.out.printf(Locale.ROOT, "retort cached hit: %.1f ns per call%n", cachedHit(samples));
        preparedLoop();
    }

    /** Statement lines of the corpus files: everything but directives, comments and expected rows. */
    static List<Sample> corpus() throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (var files = Files.list(CORPUS)) {
            for (Path file : files.sorted().toList()) {
                Dialect source = Dialect.MYSQL;
                boolean statements = false;
                StringBuilder statement = new StringBuilder();
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("@")) {
                        flush(samples, source, statement);
                        statements = line.startsWith("@case") || line.equals("@fixture");
                        if (line.startsWith("@source")) {
                            source = Dialect.named(line.substring(7).trim());
                        }
                    } else if (statements && !line.startsWith("--!") && !line.isBlank()) {
                        statement.append(statement.length() > 0 ? "\n" : "").append(line);
                        if (line.endsWith(";")) {
                            statement.setLength(statement.length() - 1);
                            flush(samples, source, statement);
                        }
                    }
                }
                flush(samples, source, statement);
            }
        }
        return samples;
    }

    private static void flush(List<Sample> samples, Dialect source, StringBuilder statement) {
        if (statement.length() > 0) {
            samples.add(new Sample(source, statement.toString()));
            statement.setLength(0);
        }
    }

    interface Work {
        /** Does the work once; false when the statement cannot be handled (not timed again). */
        boolean run(Sample sample) throws Exception;
    }

    private static final Translator MYSQL_TO_POSTGRES = Translator.of(Dialect.MYSQL, Dialect.POSTGRESQL, false, false);
    private static final Translator POSTGRES_TO_MYSQL = Translator.of(Dialect.POSTGRESQL, Dialect.MYSQL, false, false);
    private static final DSLContext JOOQ_MYSQL = DSL.using(SQLDialect.MYSQL);
    private static final DSLContext JOOQ_POSTGRES = DSL.using(SQLDialect.POSTGRES);
    /** How many statements the last measured work could not handle. */
    private static int lastFailures;
    private static Object sink;

    private static boolean retortUncached(Sample sample) {
        Translator translator = sample.source() == Dialect.POSTGRESQL ? POSTGRES_TO_MYSQL : MYSQL_TO_POSTGRES;
        try {
            sink = translator.explain(sample.sql());
        } catch (SQLException refused) {
            sink = refused;
        }
        return true;
    }

    private static boolean jooq(Sample sample) {
        boolean fromPostgres = sample.source() == Dialect.POSTGRESQL;
        try {
            Query query = (fromPostgres ? JOOQ_POSTGRES : JOOQ_MYSQL).parser().parseQuery(sample.sql());
            sink = (fromPostgres ? JOOQ_MYSQL : JOOQ_POSTGRES).render(query);
            return true;
        } catch (RuntimeException unparsable) {
            return false;
        }
    }

    /** The median time per call, per statement, in microseconds (NaN where the work refused the statement). */
    private static double[] perStatement(List<Sample> samples, Work work) throws Exception {
        double[] perSample = new double[samples.size()];
        boolean[] usable = new boolean[samples.size()];
        int[] calls = new int[samples.size()];
        for (int k = 0; k < samples.size(); k++) {
            long start = System.nanoTime();
            usable[k] = work.run(samples.get(k));
            long first = Math.max(1, System.nanoTime() - start);
            calls[k] = (int) Math.max(2, Math.min(CALLS_PER_ROUND, BUDGET_NANOS / first));
        }
        for (int round = 0; round < WARMUP_ROUNDS; round++) {
            for (int k = 0; k < samples.size(); k++) {
                if (usable[k]) {
                    for (int call = 0; call < calls[k]; call++) {
                        work.run(samples.get(k));
                    }
                }
            }
        }
        double[][] rounds = new double[samples.size()][MEASURED_ROUNDS];
        for (int round = 0; round < MEASURED_ROUNDS; round++) {
            for (int k = 0; k < samples.size(); k++) {
                if (!usable[k]) {
                    continue;
                }
                long start = System.nanoTime();
                for (int call = 0; call < calls[k]; call++) {
                    work.run(samples.get(k));
                }
                rounds[k][round] = (System.nanoTime() - start) / 1000.0 / calls[k];
            }
        }
        int failures = 0;
        for (int k = 0; k < samples.size(); k++) {
            perSample[k] = usable[k] ? median(rounds[k]) : Double.NaN;
            failures += usable[k] ? 0 : 1;
        }
        lastFailures = failures;
        return perSample;
    }

    private static void report(String name, double[] micros) {
        double[] measured = Arrays.stream(micros).filter(value -> !Double.isNaN(value)).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-18s median %.2f µs, p90 %.2f µs, max %.2f µs over %d statements%n", name,
                percentile(measured, 50), percentile(measured, 90), measured[measured.length - 1], measured.length);
    }

    private static double cachedHit(List<Sample> samples) throws SQLException {
        List<String> translatable = new ArrayList<>();
        for (Sample sample : samples) {
            boolean ddl = sample.sql().matches("(?is)\\s*(CREATE|ALTER|DROP|TRUNCATE)\\b.*");
            if (sample.source() == Dialect.MYSQL && !ddl) {
                try {
                    MYSQL_TO_POSTGRES.translate(sample.sql());
                    translatable.add(sample.sql());
                } catch (SQLException refused) {
                    // refusals are cached too, but a hit then builds an exception: not the hot path measured;
                    // DDL is left out as well, since each of its hits clears the schema facts
                }
            }
        }
        String[] sqls = translatable.toArray(new String[0]);
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            for (int call = 0; call < HITS; call++) {
                sink = MYSQL_TO_POSTGRES.translate(sqls[call % sqls.length]);
            }
            best = Math.min(best, (System.nanoTime() - start) / (double) HITS);
        }
        return best;
    }

    /**
     * A loop that prepares, binds, executes and reads a single-row SELECT: on the raw H2 driver, through the
     * proxy with logging off, and through it with {@code retort.translate.from=mysql} too; the last difference
     * is the cost of translation on the hot path (a cache hit per prepareStatement). Alternating rounds; medians.
     */
    private static void preparedLoop() throws SQLException {
        String sql = "SELECT id, name FROM tr_bench WHERE id = ?";
        try (Connection setup = DriverManager.getConnection("jdbc:h2:mem:tr_bench;DB_CLOSE_DELAY=-1");
             Statement statement = setup.createStatement()) {
            statement.execute("CREATE TABLE tr_bench (id INT PRIMARY KEY, name VARCHAR(20))");
            for (int id = 0; id < 1000; id++) {
                statement.execute("INSERT INTO tr_bench VALUES (" + id + ", 'name " + id + "')");
            }
        }
        Properties plain = new Properties();
        plain.setProperty("retort.log", "false");
        Properties translating = new Properties();
        translating.putAll(plain);
        translating.setProperty("retort.translate.from", "mysql");
        String url = "jdbc:retort:h2:mem:tr_bench";
        double[] raw = new double[MEASURED_ROUNDS];
        double[] off = new double[MEASURED_ROUNDS];
        double[] on = new double[MEASURED_ROUNDS];
        for (int round = -WARMUP_ROUNDS; round < MEASURED_ROUNDS; round++) {
            double driver = loop("jdbc:h2:mem:tr_bench", new Properties(), sql);
            double withoutTranslation = loop(url, plain, sql);
            double withTranslation = loop(url, translating, sql);
            if (round >= 0) {
                raw[round] = driver;
                off[round] = withoutTranslation;
                on[round] = withTranslation;
            }
        }
        double medianRaw = median(raw);
        double medianOff = median(off);
        double medianOn = median(on);
        System.out.printf(Locale.ROOT, "prepared loop on H2: raw driver %.3f µs, proxy %.3f µs (%.3f× raw),"
                + " proxy translating %.3f µs (%.3f× raw, %.3f× proxy) per iteration%n", medianRaw, medianOff,
                medianOff / medianRaw, medianOn, medianOn / medianRaw, medianOn / medianOff);
    }

    private static double loop(String url, Properties properties, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            long start = System.nanoTime();
            long total = 0;
            for (int i = 0; i < LOOP; i++) {
                try (PreparedStatement prepared = connection.prepareStatement(sql)) {
                    prepared.setInt(1, i % 1000);
                    try (ResultSet rows = prepared.executeQuery()) {
                        rows.next();
                        total += rows.getInt(1);
                    }
                }
            }
            sink = total;
            return (System.nanoTime() - start) / 1000.0 / LOOP;
        }
    }

    private static double median(double[] values) {
        return percentile(Arrays.stream(values).sorted().toArray(), 50);
    }

    private static double percentile(double[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
