package dev.retort.jdbc.log;

import com.sun.management.ThreadMXBean;
import dev.retort.jdbc.ProxyOptions.Params;
import dev.retort.jdbc.SqlEvent.Kind;
import dev.retort.jdbc.support.LogCapture;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** retort.log.max-value-length and retort.log.max-statement-length: what is summarised, cut and counted. */
class BoundedLogTest {

    private static final int TEN_MB = 10 * 1024 * 1024;

    @Test
    void aValueLongerThanTheLimitIsSummarisedByTypeAndSize() {
        assertThat(Literals.render("x".repeat(TEN_MB), 1000)).isEqualTo("<String, 10485760 chars>");
        assertThat(Literals.render("a".repeat(998), 1000)).isEqualTo("'" + "a".repeat(998) + "'");
        assertThat(Literals.render("a".repeat(999), 1000)).isEqualTo("<String, 999 chars>");
        // the limit is on the literal as logged, doubled quotes included
        assertThat(Literals.render("'".repeat(499), 1000)).hasSize(1000);
        assertThat(Literals.render("'".repeat(500), 1000)).isEqualTo("<String, 500 chars>");
        assertThat(Literals.render(new byte[TEN_MB], 10)).isEqualTo("<10485760 bytes>");
        assertThat(Literals.render(new StringReader("x".repeat(100)), 10)).isEqualTo("<character stream>");
        assertThat(Literals.render(new BigDecimal("1E+1000000000"), 1000)).isEqualTo("<BigDecimal, 1000000001 chars>");
        assertThat(Literals.render(new BigDecimal("-0.000000000000000000001"), 1000)).isEqualTo("-0.000000000000000000001");
        assertThat(Literals.render(new BigDecimal("-0.000000000000000000001"), 10)).isEqualTo("<BigDecimal, 24 chars>");
        assertThat(Literals.render(new BigDecimal("123.45"), 6)).isEqualTo("123.45");
        assertThat(Literals.render(BigInteger.ONE.shiftLeft(100_000), 1000)).isEqualTo("<BigInteger, 100001 bits>");
        assertThat(Literals.render(BigInteger.TEN.pow(20), 1000)).isEqualTo("100000000000000000000");
        assertThat(Literals.render(new Document(40), 20)).isEqualTo("<Document, 40 chars>");
        assertThat(Literals.render(new Document(4), 20)).isEqualTo("'dddd'");
    }

    @Test
    void aLongStatementIsCutWithTheCountOfWhatWasLeftOut() {
        StatementRecord record = record(10, 40, List.of(values(7, "x".repeat(TEN_MB), "abc")));
        assertThat(record.inlinedSql()).isEqualTo("INSERT INTO docs (id, body, title) VALUE... [38 more characters]");
        assertThat(TextFormat.format(record, Params.SEPARATE)).isEqualTo("[conn 1] update 0.000 ms:"
                + " INSERT INTO docs (id, body, title) VALUE... [58 more characters]");
        assertThat(record(30, 200, List.of(values(7, "x".repeat(TEN_MB), "abc"))).inlinedSql())
                .isEqualTo("INSERT INTO docs (id, body, title) VALUES (7, <String, 10485760 chars>, 'abc')");
        assertThat(record(1, 1, List.of()).inlinedSql()).isEqualTo("I... [50 more characters]");
    }

    @Test
    void aBatchKeepsItsFirstSetsAndCountsTheRest() {
        List<BoundValues> sets = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            sets.add(values(i, "doc " + i, "t"));
        }
        StatementRecord batch = record(100, 120, sets);
        assertThat(TextFormat.format(batch, Params.INLINE)).isEqualTo("[conn 1] update 0.000 ms: INSERT INTO docs"
                + " (id, body, title) VALUES (0, 'doc 0', 't');\nINSERT INTO docs (id, body, title) VALUES (1, 'doc 1', 't')"
                + "... [64658 more characters]");
        assertThat(TextFormat.format(batch, Params.SEPARATE)).isEqualTo("[conn 1] update 0.000 ms: INSERT INTO docs"
                + " (id, body, title) VALUES (?, ?, ?) | params: [0, 'doc 0', 't'], [1, 'doc 1', 't'], [2, 'doc 2', 't'],"
                + " [... [22720 more characters]");
        assertThat(JsonFormat.format(batch, Params.SEPARATE)).isEqualTo("{\"conn\":1,\"kind\":\"update\",\"ms\":0.000,"
                + "\"sql\":\"INSERT INTO docs (id, body, title) VALUES (?, ?, ?)\",\"params\":[[0,\"doc 0\",\"t\"],"
                + "[1,\"doc 1\",\"t\"],[2,\"doc 2\",\"t\"],[3,\"doc 3\",\"t\"],[4,\"doc 4\",\"t\"],"
                + "[5,\"doc 5\",\"t\"],[6,\"doc 6\",\"t\"],[7,\"doc 7\",\"t\"],[8,\"doc 8\",\"t\"],"
                + "[9,\"doc 9\"]],\"omittedParams\":2971}");
        assertThat(JsonFormat.format(record(100, 60, List.of(values(1, "a\"b", "c"))), Params.INLINE))
                .isEqualTo("{\"conn\":1,\"kind\":\"update\",\"ms\":0.000,\"sql\":\"INSERT INTO docs (id, body, title)"
                        + " VALUES (?, ?, ?)\",\"inlined\":\"INSERT INTO docs (id, body, title) VALUES (1, 'a\\\"b', 'c')\"}");
    }

    @Test
    void theSqlSentAndTheErrorAreCutToo() {
        StatementRecord record = new StatementRecord(1, Kind.UPDATE, "UPDATE t SET a = 1", "UPDATE t SET a = 1 /* "
                + "x".repeat(100) + " */", List.of(), 0, null, 1000, 20);
        record.failure(new SQLException("Value too long for column: " + "y".repeat(5000), "22001"));
        assertThat(LogCapture.withoutTimes(TextFormat.format(record, Params.INLINE))).isEqualTo("[conn 1] update failed"
                + " after # ms, SQLState 22001, error code 0, Value too long for c... [5007 more characters]:"
                + " UPDATE t SET a = 1\n  sent: UPDATE t SET a = 1 /... [105 more characters]");
        assertThat(LogCapture.withoutTimes(JsonFormat.format(record, Params.INLINE))).isEqualTo("{\"conn\":1,"
                + "\"kind\":\"update\",\"ms\":#,\"sql\":\"UPDATE t SET a = 1\",\"sentSql\":\"UPDATE t SET a = 1 /..."
                + " [105 more characters]\",\"sqlState\":\"22001\",\"errorCode\":0,\"error\":\"Value too long for c..."
                + " [5007 more characters]\"}");
    }

    /** Formatting a record whose value is 10 MB must cost kilobytes: the literal is never built, then cut. */
    @Test
    void formattingAllocatesNothingInProportionToTheValue() {
        StatementRecord record = record(1000, 8192, List.of(values(7, "x".repeat(TEN_MB), "t".repeat(TEN_MB))));
        // the second round measures: the first loads classes and links lambdas, once per JVM
        for (int round = 0; round < 2; round++) {
            for (Params params : Params.values()) {
                assertBounded(record, params, round == 1);
            }
        }
    }

    private static void assertBounded(StatementRecord record, Params params, boolean measure) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        String text = TextFormat.format(record, params);
        String json = JsonFormat.format(record, params);
        String inlined = record.inlinedSql();
        List<List<String>> parameters = record.parameters();
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        if (measure) {
            assertThat(allocated).as("bytes allocated formatting with params=%s", params).isLessThan(64 * 1024);
        }
        assertThat(text.length() + json.length() + inlined.length()).isLessThan(1000);
        assertThat(parameters).containsExactly(List.of("7", "<String, 10485760 chars>", "<String, 10485760 chars>"));
    }

    private static BoundValues values(int id, String body, String title) {
        BoundValues values = new BoundValues();
        values.set(1, id);
        values.set(2, body);
        values.set(3, title);
        return values;
    }

    private static StatementRecord record(int maxValue, int maxStatement, List<BoundValues> sets) {
        String sql = "INSERT INTO docs (id, body, title) VALUES (?, ?, ?)";
        StatementRecord record = new StatementRecord(1, Kind.UPDATE, sql, sql, sets, 0, null, maxValue, maxStatement);
        return record;
    }

    /** An application type whose toString is long. */
    private record Document(int length) {
        @Override
        public String toString() {
            return "d".repeat(length);
        }
    }
}
