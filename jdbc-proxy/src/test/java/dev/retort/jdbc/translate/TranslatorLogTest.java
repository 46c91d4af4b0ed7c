package dev.retort.jdbc.translate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** The warning the translator logs once per statement shape says whether the statement was rewritten. */
class TranslatorLogTest {

    private final Logger logger = Logger.getLogger(Translator.LOGGER_NAME);
    private final List<String> lines = new CopyOnWriteArrayList<>();
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
    void capture() {
        logger.addHandler(handler);
    }

    @AfterEach
    void release() {
        logger.removeHandler(handler);
    }

    @Test
    void aStatementSentAsItIsIsLoggedAsUnchanged() throws SQLException {
        String sql = "SELECT SOUNDEX(name) FROM t";
        assertThat(Translator.of(Dialect.MYSQL, Dialect.POSTGRESQL, false, false).translate(sql)).isSameAs(sql);
        assertThat(lines).containsExactly("WARNING Translated from mysql to postgresql unchanged although function"
                + " SOUNDEX(): the translator does not know whether postgresql has it with the same meaning:"
                + " SELECT SOUNDEX(name) FROM t");
    }

    @Test
    void aRewrittenStatementIsLoggedWithADifferenceNotAsUnchanged() throws SQLException {
        String sql = "SELECT SOUNDEX(`name`) FROM t LIMIT 2";
        assertThat(Translator.of(Dialect.MYSQL, Dialect.POSTGRESQL, false, false).translate(sql))
                .isEqualTo("SELECT SOUNDEX(name) FROM t LIMIT 2");
        assertThat(lines).containsExactly("WARNING Translated from mysql to postgresql with a difference: function"
                + " SOUNDEX(): the translator does not know whether postgresql has it with the same meaning:"
                + " SELECT SOUNDEX(`name`) FROM t LIMIT 2");
    }

    @Test
    void aDroppedColumnPositionIsLoggedWithADifference() throws SQLException {
        String sql = "ALTER TABLE t ADD COLUMN a INT AFTER id";
        Translator.of(Dialect.MYSQL, Dialect.H2, false, false).translate(sql);
        assertThat(lines).containsExactly("WARNING Translated from mysql to h2 with a difference: ALTER TABLE …"
                + " AFTER/FIRST: h2 adds the column at the end of the table: ALTER TABLE t ADD COLUMN a INT AFTER id");
    }
}
