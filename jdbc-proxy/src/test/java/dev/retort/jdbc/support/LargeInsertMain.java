package dev.retort.jdbc.support;

import dev.retort.jdbc.RetortDriver;
import dev.retort.jdbc.SqlListener;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Run in a JVM of its own by {@code LargeValueLoggingTest} with a small heap: inserts a 10 MB string through
 * the logging proxy (or the raw H2 driver, as the control) and prints what the log and a listener received.
 * Arguments: {@code raw}, or the {@code retort.log.params} and {@code retort.log.format} values.
 */
public final class LargeInsertMain {

    /** 10 MiB of characters: a document or an image's Base64 that an application stores in a CLOB. */
    public static final int LENGTH = 10 * 1024 * 1024;

    private static long longestRecord;
    private static long longestInlined;
    private static long longestParameter;

    private LargeInsertMain() {
    }

    public static void main(String[] args) throws SQLException {
        Logger sqlLogger = Logger.getLogger("dev.retort.jdbc.sql");
        // no console handler: the child's own output carries the measurements only
        sqlLogger.setUseParentHandlers(false);
        sqlLogger.setLevel(Level.INFO);
        sqlLogger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                longestRecord = Math.max(longestRecord, record.getMessage().length());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        SqlListener listener = event -> {
            longestInlined = Math.max(longestInlined, event.inlinedSql().length());
            for (List<String> set : event.parameters()) {
                for (String value : set) {
                    longestParameter = Math.max(longestParameter, value.length());
                }
            }
        };
        RetortDriver.addListener(listener);
        boolean raw = args[0].equals("raw");
        String url = raw ? "jdbc:h2:mem:large" : "jdbc:retort:h2:mem:large";
        Properties properties = new Properties();
        if (!raw) {
            properties.setProperty("retort.log.params", args[0]);
            properties.setProperty("retort.log.format", args[1]);
        }
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, body CLOB)");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO documents (id, body) VALUES (?, ?)")) {
                insert.setInt(1, 1);
                insert.setString(2, "x".repeat(LENGTH));
                insert.executeUpdate();
            }
            try (Statement statement = connection.createStatement();
                 ResultSet stored = statement.executeQuery("SELECT LENGTH(body) FROM documents WHERE id = 1")) {
                stored.next();
                System.out.println("stored=" + stored.getLong(1));
            }
        }
        System.out.println("longest-record=" + longestRecord);
        System.out.println("longest-inlined=" + longestInlined);
        System.out.println("longest-parameter=" + longestParameter);
    }
}
