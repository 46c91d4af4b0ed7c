package dev.retort.observe;

import dev.retort.Engine;

/**
 * Binds what is on the class path to a new engine: Micrometer's global registry ({@code Metrics.globalRegistry})
 * and OpenTelemetry's global instance ({@code GlobalOpenTelemetry}, read at each statement, so one installed after
 * the engine started is used, and none installed costs one check). The classes of the two libraries are looked up
 * by name first, so this class loads without them.
 */
public final class Observability {
    static final String MICROMETER = "io.micrometer.core.instrument.Metrics";
    static final String OPEN_TELEMETRY = "io.opentelemetry.api.GlobalOpenTelemetry";

    private Observability() {
    }

    /**
     * Binds the global registry when {@code metrics} and Micrometer is present, and the global OpenTelemetry
     * when {@code tracing} and its API is present; {@code host} and {@code port} (null and -1 when unknown) go
     * into the spans as {@code server.address} and {@code server.port}.
     */
    public static void bindAvailable(Engine engine, String host, int port, boolean metrics, boolean tracing) {
        if (metrics && present(MICROMETER)) {
            RetortMetrics.bindGlobal(engine);
        }
        if (tracing && present(OPEN_TELEMETRY, "isSet")) {
            RetortTracing.bindGlobal(engine, host, port);
        }
    }

    /**
     * Whether the class is on the class path, with the static methods named (an older API without them is
     * treated as absent, rather than failing at each statement).
     */
    static boolean present(String className, String... methods) {
        try {
            Class<?> type = Class.forName(className, false, Observability.class.getClassLoader());
            for (String method : methods) {
                type.getMethod(method);
            }
            return true;
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError absent) {
            return false;
        }
    }
}
