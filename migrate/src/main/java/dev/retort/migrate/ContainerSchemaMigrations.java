package dev.retort.migrate;

import java.util.List;

import dev.retort.Engine;
import dev.retort.Metadata;
import dev.retort.boot.SchemaMigrations;

/**
 * retort-migrate's side of the containers' schema strategies (core finds it with {@link java.util.ServiceLoader}):
 * {@code validate} reports {@link Migrations#diff()} in full, {@code migrate} applies the Flyway migrations
 * of the configured locations. Stateless.
 */
public final class ContainerSchemaMigrations implements SchemaMigrations {

    @Override
    public void validate(Engine engine, Metadata metadata, String strategyKey) {
        Migrations migrations = Migrations.of(engine, metadata);
        List<Difference> differences = migrations.diff();
        if (differences.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(strategyKey + "=validate: the database at " + engine.location()
                + " differs from the model in " + differences.size() + (differences.size() == 1 ? " way:" : " ways:"));
        differences.forEach(difference -> message.append("\n- ").append(difference.describe()));
        message.append("\nTo fix this, generate the migration for these differences (retort migrate generate), read it and "
                + "apply it, or set " + strategyKey + "=migrate to apply the migrations at start; or change the mapping to "
                + "match the database.");
        throw new SchemaMismatchException(message.toString(), differences);
    }

    @Override
    public int migrate(Engine engine, Metadata metadata, List<String> locations, ClassLoader loader, String strategyKey,
                       String locationsKey) {
        try {
            return Migrations.of(engine, metadata).apply(locations, loader);
        } catch (MigrationFailedException e) {
            throw new MigrationFailedException(strategyKey + "=migrate (" + locationsKey + "=" + String.join(",", locations)
                    + "): " + e.getMessage(), e.getCause() != null ? e.getCause() : e);
        }
    }
}
