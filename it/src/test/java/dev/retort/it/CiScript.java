package dev.retort.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one function of a script in {@code .ci/} (the folder the system property {@code retort.ci.dir}
 * names) with the given environment, as the suites that start servers of their own do; a failure throws
 * with the script's output.
 */
public final class CiScript {
    private CiScript() {
    }

    /** Sources {@code .ci/<script>} and calls {@code function}; {@code what} names the step in messages. */
    public static void run(String script, String function, Map<String, String> environment, String what, int timeoutSeconds) {
        Path scripts = Path.of(System.getProperty("retort.ci.dir", "../.ci")).resolve(script).toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", "-c", "source '" + scripts + "' && " + function))
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Path log = Files.createTempFile("retort-" + function, ".log");
            builder.redirectOutput(log.toFile());
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " took over " + timeoutSeconds + " seconds");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed (exit " + process.exitValue() + "): " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
    }
}
