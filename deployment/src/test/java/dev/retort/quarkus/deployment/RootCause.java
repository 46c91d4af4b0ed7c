package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

/** Finds, in a failed start's cause chain, the exception a test expects. */
final class RootCause {
    private RootCause() {
    }

    /**
     * The first throwable in the chain whose class is {@code type}, compared by name: a start failure comes
     * from the application's class loader, where the class is not the test's.
     */
    static Throwable find(Throwable thrown, Class<? extends Throwable> type) {
        Throwable cause = thrown;
        while (!cause.getClass().getName().equals(type.getName()) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertThat(cause.getClass().getName()).as("an exception in the cause chain").isEqualTo(type.getName());
        return cause;
    }
}
