package dev.retort.jdbc.log;

import dev.retort.jdbc.support.FileLogExitMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** retort.log.file: the proxy's buffered file, written by a background thread and at exit. */
class FileSinkTest {

    private static final Pattern TIME_AND_MILLIS = Pattern.compile(
            "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (.*) \\d+\\.\\d{3} ms(.*)$");

    @TempDir
    Path folder;

    @Test
    void recordsAppearAsTextLinesWithTimeAndLevel() throws Exception {
        Path file = folder.resolve("sql.log");
        try (Connection connection = DriverManager.getConnection("jdbc:retort:h2:mem:filesink1", options(file));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(20))");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users VALUES (?, ?)")) {
                insert.setInt(1, 1);
                insert.setString(2, "O'Brien");
                insert.executeUpdate();
            }
            try (ResultSet rows = statement.executeQuery("SELECT name FROM users")) {
                rows.next();
            }
            assertThatThrownBy(() -> statement.execute("INSERT INTO users VALUES (1, 'again')"))
                    .isInstanceOf(SQLException.class);
        }
        FileSink.forFile(file.toString()).close();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4);
        assertThat(withoutTimes(lines.subList(0, 3))).containsExactly(
                "INFO [conn N] update | ms, 0 rows affected: CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(20))",
                "INFO [conn N] update | ms, 1 row affected: INSERT INTO users VALUES (1, 'O''Brien')",
                "INFO [conn N] query | ms, 1 row fetched: SELECT name FROM users");
        assertThat(lines.get(3)).matches("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z WARNING \\[conn \\d+\\]"
                + " query failed after \\d+\\.\\d{3} ms, SQLState 23505, error code 23505, Unique index or primary key"
                + " violation: .*; SQL statement: INSERT INTO users VALUES \\(1, 'again'\\) \\[23505-\\d+\\]"
                + ": INSERT INTO users VALUES \\(1, 'again'\\)$");
    }

    @Test
    void jsonRecordsStartWithTimeAndLevel() throws Exception {
        Path file = folder.resolve("sql.json");
        Properties properties = options(file);
        properties.setProperty("retort.log.format", "json");
        try (Connection connection = DriverManager.getConnection("jdbc:retort:h2:mem:filesink2", properties);
             PreparedStatement select = connection.prepareStatement("SELECT ? + 1")) {
            select.setInt(1, 41);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
            }
        }
        FileSink.forFile(file.toString()).close();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).replaceAll("\"time\":\"[^\"]+\"", "\"time\":\"T\"")
                .replaceAll("\"conn\":\\d+", "\"conn\":N").replaceAll("\"ms\":[0-9.]+", "\"ms\":M"))
                .isEqualTo("{\"time\":\"T\",\"level\":\"INFO\",\"conn\":N,\"kind\":\"query\",\"ms\":M,\"rows\":1,"
                        + "\"sql\":\"SELECT ? + 1\",\"inlined\":\"SELECT 41 + 1\"}");
        assertThat(lines.get(0)).matches("^\\{\"time\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\".*");
    }

    @Test
    void everyThreadsRecordsLandInTheOrderItRanThem() throws Exception {
        Path file = folder.resolve("threads.log");
        int threads = 4;
        int perThread = 12_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    selects(file, "jdbc:retort:h2:mem:filesink3", thread * 1_000_000, perThread);
                    return null;
                }));
            }
            for (Future<?> each : running) {
                each.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        FileSink.forFile(file.toString()).close();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(threads * perThread);
        int[] next = new int[threads];
        Pattern value = Pattern.compile(": SELECT (\\d+) \\+ 0$");
        for (String line : lines) {
            Matcher matcher = value.matcher(line);
            assertThat(matcher.find()).as(line).isTrue();
            int number = Integer.parseInt(matcher.group(1));
            int thread = number / 1_000_000;
            assertThat(number % 1_000_000).as("thread %d's records in order", thread).isEqualTo(next[thread]);
            next[thread]++;
        }
        assertThat(next).containsOnly(perThread);
    }

    @Test
    void closeWritesWhatWaitsAndLaterRecordsStillLand() throws Exception {
        Path file = folder.resolve("close.log");
        selects(file, "jdbc:retort:h2:mem:filesink4", 0, 500);
        FileSink.forFile(file.toString()).close();
        assertThat(Files.readAllLines(file)).hasSize(500).last().asString().endsWith(": SELECT 499 + 0");
        selects(file, "jdbc:retort:h2:mem:filesink4", 500, 3);
        FileSink.forFile(file.toString()).close();
        assertThat(Files.readAllLines(file)).hasSize(503).last().asString().endsWith(": SELECT 502 + 0");
    }

    @Test
    void theLastRecordsLandWhenTheJvmExitsNormally() throws Exception {
        Path file = folder.resolve("exit.log");
        int count = 3_000;
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FileLogExitMain.class.getName(), file.toString(),
                String.valueOf(count)).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child finished").isTrue();
        assertThat(output).isEqualTo("ran " + count + System.lineSeparator());
        assertThat(child.exitValue()).isZero();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(count);
        assertThat(lines.get(count - 1)).endsWith(" 1 row fetched: SELECT " + count + " + 0");
    }

    @Test
    void aFileInAMissingFolderFailsTheConnectionNamingTheOption() {
        Path file = folder.resolve("missing").resolve("sql.log");
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:retort:h2:mem:filesink5", options(file)))
                .isInstanceOf(SQLNonTransientConnectionException.class)
                .hasMessage("Cannot open the SQL log file " + file + " named by retort.log.file"
                        + " (java.nio.file.NoSuchFileException: " + file + "). To fix this, create its folder or"
                        + " set retort.log.file to a file the application may write.");
    }

    private static void selects(Path file, String url, int first, int count) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, options(file));
             Statement statement = connection.createStatement()) {
            for (int i = first; i < first + count; i++) {
                try (ResultSet rows = statement.executeQuery("SELECT " + i + " + 0")) {
                    rows.next();
                }
            }
        }
    }

    private static Properties options(Path file) {
        Properties properties = new Properties();
        properties.setProperty("retort.log.file", file.toString());
        return properties;
    }

    private static List<String> withoutTimes(List<String> lines) {
        List<String> stripped = new ArrayList<>();
        for (String line : lines) {
            Matcher matcher = TIME_AND_MILLIS.matcher(line);
            assertThat(matcher.matches()).as(line).isTrue();
            stripped.add((matcher.group(1) + " | ms" + matcher.group(2)).replaceAll("\\[conn \\d+\\]", "[conn N]"));
        }
        return stripped;
    }
}
