package dev.retort.cdi;

import java.util.Optional;
import java.util.function.Function;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads settings through MicroProfile Config. Loaded only after {@link RetortConfig} has checked that the
 * API is on the class path, so applications without it never link against it.
 */
final class MicroProfileSource {
    private MicroProfileSource() {
    }

    /** Whether an implementation is there too (the API alone throws when asked for the config). */
    static boolean implementationPresent() {
        try {
            ConfigProvider.getConfig();
            return true;
        } catch (RuntimeException | java.util.ServiceConfigurationError e) {
            return false;
        }
    }

    static Function<String, Optional<String>> lookup() {
        return key -> ConfigProvider.getConfig().getOptionalValue(key, String.class);
    }
}
