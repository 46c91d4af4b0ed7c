package dev.retort.jdbc;

import dev.retort.jdbc.support.LargeInsertMain;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #12: a 10 MB string bound to an insert killed a 64 MB heap because the log rendered it whole. The
 * insert runs in a JVM of its own so that the heap limit is real; the raw H2 driver is the control that
 * shows the insert itself fits.
 */
class LargeValueLoggingTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"raw, -", "inline, text", "separate, text", "inline, json", "separate, json"})
    void aTenMegabyteStringInsertsWithinSixtyFourMegabytesOfHeap(String params, String format) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), LargeInsertMain.class.getName(), params, format));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try {
            output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            child.destroyForcibly();
            throw e;
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child finished").isTrue();
        assertThat(output.length()).as("the child's output: %s", output).isLessThan(2000);
        assertThat(child.exitValue()).as("exit code; output: %s", output).isZero();
        assertThat(value(output, "stored")).isEqualTo(LargeInsertMain.LENGTH);
        if (params.equals("raw")) {
            assertThat(value(output, "longest-record")).isZero();
            return;
        }
        // the INSERT's record is the longest: bounded by the per-statement cap and the record's framing
        assertThat(value(output, "longest-record")).isBetween(60L, 9000L);
        assertThat(value(output, "longest-inlined")).isBetween(60L, 8300L);
        assertThat(value(output, "longest-parameter")).isLessThanOrEqualTo(1000L);
    }

    private static long value(String output, String key) {
        for (String line : output.split("\\R")) {
            if (line.startsWith(key + "=")) {
                return Long.parseLong(line.substring(key.length() + 1));
            }
        }
        throw new AssertionError("no " + key + "= in the child's output: " + output);
    }
}
