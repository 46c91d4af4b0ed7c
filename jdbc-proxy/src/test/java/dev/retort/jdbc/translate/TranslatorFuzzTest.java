package dev.retort.jdbc.translate;

import dev.retort.jdbc.RetortDriver;
import dev.retort.jdbc.SqlListener;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 100,000 generated statements ({@link FuzzStatements}) through the tokenizer and the translator pairs
 * (see {@link #translators}), and every 25th through the driver on H2 (MySQL SQL) or SQLite (PostgreSQL SQL): each call ends in a
 * translation or an SQLException, never another exception or an Error, and within a second. The run stops
 * early when its minute is spent and says how far it got.
 */
class TranslatorFuzzTest {

    private static final long SEED = 20_261_202L;
    private static final int STATEMENTS = 100_000;
    private static final int DRIVER_SHARE = 25;
    private static final int LARGE = 8_192;
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Catches a runaway translation (backtracking, a loop), not slowness: a GC pause on a loaded machine took 1.4 s. */
    private static final long CALL_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Statements that could touch files, stop the database or loop: not sent to a real database. */
    private static final Pattern UNSAFE = Pattern.compile("(?i)SCRIPT|SHUTDOWN|ALIAS|BACKUP|CSV|FILE_|LINK"
            + "|ATTACH|RECURSIVE|EXTENSION|OUTFILE|DUMPFILE|SLEEP|PRAGMA|VACUUM");

    private final FuzzStatements generator = new FuzzStatements(SEED);
    private long slowestNanos;
    private String slowest = "none";
    private int ran;
    private int translations;
    private int throughDriver;

    @Test
    void everyStatementTranslatesOrIsRefusedWithAnSqlException() throws Throwable {
        Logger translateLog = Logger.getLogger(Translator.LOGGER_NAME);
        Logger sqlLog = Logger.getLogger("dev.retort.jdbc.sql");
        Level translateLevel = translateLog.getLevel();
        translateLog.setLevel(Level.OFF);
        // the SQL log stays on and formats every record, into a handler that drops it
        Handler sink = new DiscardingHandler();
        boolean sqlLogToParents = sqlLog.getUseParentHandlers();
        sqlLog.setUseParentHandlers(false);
        sqlLog.addHandler(sink);
        SqlListener reader = event -> event.inlinedSql();
        RetortDriver.addListener(reader);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // a thread of its own with the JVM's default stack size on 64-bit Linux, whatever the runner's is
        Thread fuzz = new Thread(null, () -> {
            try {
                run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "fuzz", 1024 * 1024);
        try {
            fuzz.start();
            fuzz.join();
        } finally {
            RetortDriver.removeListener(reader);
            sqlLog.removeHandler(sink);
            sqlLog.setUseParentHandlers(sqlLogToParents);
            translateLog.setLevel(translateLevel);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        assertThat(ran).as("statements run within the budget").isGreaterThan(STATEMENTS / 10);
        assertThat(throughDriver).isGreaterThan(ran / DRIVER_SHARE / 2);
    }

    private void run() throws SQLException {
        long start = System.nanoTime();
        try (Connection h2 = connect("jdbc:retort:h2:mem:fuzz", "mysql");
             Connection sqlite = connect("jdbc:retort:sqlite::memory:", "postgresql")) {
            for (int index = 0; index < STATEMENTS; index++) {
                if (System.nanoTime() - start > BUDGET_NANOS) {
                    break;
                }
                FuzzStatements.Fuzzed fuzzed = generator.statement(index);
                for (Translator translator : translators(index, fuzzed)) {
                    call(index, translator.toString(), fuzzed.sql(), () -> translator.translate(fuzzed.sql()));
                    translations++;
                }
                if (index % DRIVER_SHARE == 0 && !UNSAFE.matcher(fuzzed.sql()).find()) {
                    Connection connection = fuzzed.source() == Dialect.POSTGRESQL ? sqlite : h2;
                    call(index, "the driver on " + connection.getMetaData().getURL(), fuzzed.sql(),
                            () -> executeOrOverflowLikeTheDatabase(connection, fuzzed));
                    throughDriver++;
                }
                ran++;
            }
        }
        System.out.printf(Locale.ROOT, "fuzz: %d of %d statements (%d translations, %d through the driver) in %.1f s;"
                        + " slowest call %.1f ms (%s)%n", ran, STATEMENTS, translations, throughDriver,
                (System.nanoTime() - start) / 1e9, slowestNanos / 1e6, slowest);
    }

    /**
     * Every pair of the statement's own source dialect and, in turn, one of the other's (garbage to it, which
     * is worth feeding too); a statement over {@value #LARGE} characters goes to one pair in turn, since
     * those take milliseconds each and the minute is shared.
     */
    private static List<Translator> translators(int index, FuzzStatements.Fuzzed fuzzed) {
        List<Translator> all = NestingLimitTest.PAIRS;
        if (fuzzed.sql().length() > LARGE) {
            return List.of(all.get(index % all.size()));
        }
        Dialect family = fuzzed.source() == Dialect.POSTGRESQL ? Dialect.POSTGRESQL : Dialect.MYSQL;
        List<Translator> own = all.stream().filter(translator -> translator.source() == family).toList();
        List<Translator> other = all.stream().filter(translator -> translator.source() != family).toList();
        List<Translator> chosen = new ArrayList<>(own);
        chosen.add(other.get(index % other.size()));
        return chosen;
    }

    private static Connection connect(String url, String from) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("retort.translate.from", from);
        return DriverManager.getConnection(url, properties);
    }

    private static Object execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            return statement.execute(sql);
        }
    }

    /**
     * The statement through the proxy. H2's recursive parser overflows a 1 MB stack on a few thousand nested
     * parentheses, which the translator passes through at any depth; whether it does depends on how much of
     * H2 the JIT has compiled by then. An overflow the raw driver shows too, for the SQL the proxy sent, is the
     * database's limit and passes; one the raw driver does not show is the proxy's and fails the test.
     */
    private static Object executeOrOverflowLikeTheDatabase(Connection connection, FuzzStatements.Fuzzed fuzzed)
            throws SQLException {
        try {
            return execute(connection, fuzzed.sql());
        } catch (StackOverflowError overflow) {
            Dialect source = fuzzed.source() == Dialect.POSTGRESQL ? Dialect.POSTGRESQL : Dialect.MYSQL;
            String rawUrl = connection.getMetaData().getURL();
            String sent = Translator.of(source, Dialect.ofUrl(rawUrl), false, false).translate(fuzzed.sql());
            try (Connection raw = DriverManager.getConnection(rawUrl)) {
                execute(raw, sent);
            } catch (StackOverflowError alsoRaw) {
                return null;
            } catch (SQLException rawRefused) {
                // the raw driver answers with an SQLException where the proxy overflowed: the proxy's fault
            }
            throw overflow;
        }
    }

    private interface Call {
        Object run() throws SQLException;
    }

    private void call(int index, String via, String sql, Call call) {
        long before = System.nanoTime();
        try {
            call.run();
        } catch (SQLException expected) {
            // a refusal, a syntax error or the database's own error: the contract
        } catch (Throwable unexpected) {
            throw new AssertionError("Seed " + SEED + " index " + index + " through " + via + " threw "
                    + unexpected + " for " + excerpt(sql), unexpected);
        }
        long took = System.nanoTime() - before;
        // a plain comparison: an AssertJ assertion per call would cost more than many of the calls
        if (took >= CALL_LIMIT_NANOS) {
            throw new AssertionError(String.format(Locale.ROOT, "Seed %d index %d through %s took %.1f ms, over"
                    + " the limit of 10 s, for %s", SEED, index, via, took / 1e6, excerpt(sql)));
        }
        if (took > slowestNanos) {
            slowestNanos = took;
            slowest = "index " + index + " through " + via + ", " + sql.length() + " characters";
        }
    }

    private static String excerpt(String sql) {
        return sql.length() <= 300 ? sql : sql.substring(0, 300) + "... (" + sql.length() + " characters)";
    }

    /** Formats nothing itself: the proxy has formatted the record by the time it arrives here. */
    private static final class DiscardingHandler extends Handler {
        @Override
        public void publish(LogRecord record) {
            record.getMessage();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
