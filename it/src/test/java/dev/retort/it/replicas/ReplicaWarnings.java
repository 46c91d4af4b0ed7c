package dev.retort.it.replicas;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.retort.it.ExpectedLog;

/**
 * The engine's log during each test of a class that stops, halts or delays replicas: its "out of rotation" warnings
 * are what those tests provoke, so they are kept from the console (a green run prints no warning it expects) and
 * a test can assert on them. Any other warning of the engine is printed as before: a failover can make the engine
 * miss a commit's log position, which these tests do not assert either way.
 */
final class ReplicaWarnings implements BeforeEachCallback, AfterEachCallback {
    private static final Pattern OUT_OF_ROTATION = Pattern.compile(
            "WARNING Replica \\S+ is out of rotation: .+; reads go to the other replicas or the primary", Pattern.DOTALL);

    private ExpectedLog log;

    @Override
    public void beforeEach(ExtensionContext context) {
        log = ExpectedLog.capture("dev.retort.engine");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        log.close();
        log.warnings().stream().filter(line -> !OUT_OF_ROTATION.matcher(line).matches())
                .forEach(line -> System.err.println(context.getDisplayName() + ": " + line));
    }

    /** The "out of rotation" warnings so far in this test. */
    List<String> outOfRotation() {
        return log.warnings().stream().filter(line -> OUT_OF_ROTATION.matcher(line).matches()).toList();
    }
}
