package dev.retort.boot;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

import dev.retort.Engine;
import dev.retort.Metadata;

/**
 * What the containers' schema strategies {@code validate} and {@code migrate} need beyond core: the full
 * comparison of the model with the live schema, and Flyway. {@code retort-migrate} provides it, found with
 * {@link ServiceLoader}, so that core never depends on Flyway; without it, {@code validate} falls back to
 * {@link Metadata#validate(Engine)} (mapped tables and columns exist) and {@code migrate} is refused.
 * Implementations are stateless and thread-safe.
 */
public interface SchemaMigrations {
    /** Where the migrations are when {@code schema-management.locations} is not set. */
    String DEFAULT_LOCATION = "classpath:db/migration";

    /**
     * Returns when the engine's database matches {@code metadata}; otherwise throws a
     * {@link dev.retort.RetortException} whose message starts with {@code strategyKey=validate}, lists every
     * difference and names the fix.
     */
    void validate(Engine engine, Metadata metadata, String strategyKey);

    /**
     * Applies the pending Flyway migrations found in {@code locations} ({@code classpath:} resolved through
     * {@code loader}, or {@code filesystem:}) and returns how many ran; throws a {@link dev.retort.RetortException}
     * naming {@code strategyKey} and {@code locationsKey} when there is no migration there or one fails.
     */
    int migrate(Engine engine, Metadata metadata, List<String> locations, ClassLoader loader, String strategyKey, String locationsKey);

    /** The implementation on {@code loader}'s class path, if there is one. */
    static Optional<SchemaMigrations> find(ClassLoader loader) {
        return ServiceLoader.load(SchemaMigrations.class, loader).findFirst();
    }
}
