package dev.retort.observe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The class-path checks that keep Micrometer and OpenTelemetry optional. */
class ObservabilityTest {
    @Test
    void aLibraryCountsAsPresentOnlyWithTheMethodsRetortCalls() {
        assertThat(Observability.present(Observability.MICROMETER)).isTrue();
        assertThat(Observability.present(Observability.OPEN_TELEMETRY, "isSet")).isTrue();
        assertThat(Observability.present("io.example.NoSuchLibrary")).isFalse();
        assertThat(Observability.present(Observability.OPEN_TELEMETRY, "isInstalledSomehow")).isFalse();
    }
}
