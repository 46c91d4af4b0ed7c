package dev.retort.it;

/**
 * What a shared compliance test may need beyond what every database does; each {@link TestDatabase} declares
 * the ones it has, and a test asks with {@link Requires}. Named after the feature, never the vendor.
 */
public enum Capability {
    /** NUMERIC/DECIMAL columns keep every digit of 38-digit values (SQLite keeps about 15). */
    EXACT_DECIMALS("exact decimals"),
    /** A SQL function that sleeps, so a statement can outlast a timeout (pg_sleep, SLEEP). */
    SLEEP_FUNCTION("a sleep function"),
    /** A table lock taken by one connection keeps another connection's SELECT waiting. */
    TABLE_LOCKS_BLOCKING_READERS("table locks that block readers"),
    /** Text values may hold the NUL character U+0000 (PostgreSQL refuses it). */
    NUL_IN_TEXT("NUL characters in text");

    private final String description;

    Capability(String description) {
        this.description = description;
    }

    /** The words a skipped test's message uses: {@code requires exact decimals}. */
    public String description() {
        return description;
    }
}
