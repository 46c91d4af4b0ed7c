package dev.retort.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the SQL log writes, read back from the JUL logger System.Logger maps {@code dev.retort.sql} to. */
class SqlLogTest {
    private final Logger logger = Logger.getLogger("dev.retort.sql");
    private final List<String> lines = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.setLevel(Level.ALL);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    @AfterEach
    void stop() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(true);
        logger.setLevel(null);
    }

    @Test
    void longStringsAreLoggedByTheirSizeOnly() {
        new SqlLog(true).statement("INSERT INTO notes (body, title) VALUES (?, ?)",
                List.of("x".repeat(10_485_760), "y".repeat(1000)), 1, false);

        assertThat(lines).containsExactly("INFO INSERT INTO notes (body, title) VALUES (?, ?)  [<String, 10485760 chars>, "
                + "y".repeat(1000) + "]");
    }

    @Test
    void aLongListOfValuesStopsNearTheLineLimit() {
        List<Long> ids = new ArrayList<>();
        for (long id = 0; id < 100_000; id++) {
            ids.add(id);
        }
        new SqlLog(true).statement("SELECT id FROM users WHERE id IN (?, ...)", ids, 1, false);

        assertThat(lines).hasSize(1);
        String line = lines.get(0);
        assertThat(line.length()).isBetween(SqlLog.MAX_LINE_LENGTH, SqlLog.MAX_LINE_LENGTH + 100);
        int listed = line.substring(line.indexOf("  [") + 3, line.lastIndexOf(", ... ")).split(", ").length;
        assertThat(line).startsWith("INFO SELECT id FROM users WHERE id IN (?, ...)  [0, 1, 2, ")
                .endsWith(", ... " + (100_000 - listed) + " more values]");
    }

    @Test
    void statementsShowTheirValuesAndHowManyRowsWent() {
        SqlLog log = new SqlLog(true);
        log.statement("UPDATE users SET photo = ? WHERE id = ?", List.of(new byte[3], 7L), 1, false);
        log.statement("INSERT INTO users (name) VALUES (?)", List.of(), 1000, true);
        log.statement("INSERT INTO users (name) VALUES (?) RETURNING id", List.of(), 2, false);
        new SqlLog(false).statement("SELECT 1", List.of(), 1, false);

        assertThat(lines).containsExactly(
                "INFO UPDATE users SET photo = ? WHERE id = ?  [<3 bytes>, 7]",
                "INFO INSERT INTO users (name) VALUES (?)  [batch of 1000]",
                "INFO INSERT INTO users (name) VALUES (?) RETURNING id  [row by row: 2 rows]",
                "FINE SELECT 1");
    }

    @Test
    void boundValuesCanBeKeptOutOfTheLog() {
        new SqlLog(true, false).statement("SELECT id FROM users WHERE email = ?", List.of("ann@example.com"), 1, false);

        assertThat(lines).containsExactly("INFO SELECT id FROM users WHERE email = ?");
    }
}
