package dev.retort.jdbc.observe;

import dev.retort.jdbc.SqlListener;

import java.util.ArrayList;
import java.util.List;

/**
 * The listeners the proxy adds by itself when their library is on the class path: Micrometer timings into
 * {@code Metrics.globalRegistry}, OpenTelemetry spans through {@code GlobalOpenTelemetry} (once something installed
 * it). Set the system property {@value #DISABLE} to {@code true} to add neither.
 */
public final class ProxyObservability {

    /** A system property: {@code true} keeps the proxy from binding Micrometer and OpenTelemetry by itself. */
    public static final String DISABLE = "retort.observe.disabled";

    private ProxyObservability() {
    }

    /** The listeners for the libraries present; called once, when the proxy first gathers its listeners. */
    public static List<SqlListener> available() {
        List<SqlListener> listeners = new ArrayList<>(2);
        if (Boolean.getBoolean(DISABLE)) {
            return listeners;
        }
        if (present("io.micrometer.core.instrument.Metrics")) {
            listeners.add(ProxyMetrics.global());
        }
        if (present("io.opentelemetry.api.GlobalOpenTelemetry", "isSet")) {
            listeners.add(ProxyTracing.global());
        }
        return listeners;
    }

    /** Whether the class is there with the static methods named (an older API without them counts as absent). */
    static boolean present(String className, String... methods) {
        try {
            Class<?> type = Class.forName(className, false, ProxyObservability.class.getClassLoader());
            for (String method : methods) {
                type.getMethod(method);
            }
            return true;
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError absent) {
            return false;
        }
    }
}
