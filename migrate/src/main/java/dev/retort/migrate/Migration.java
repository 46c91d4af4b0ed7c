package dev.retort.migrate;

import java.util.List;

/**
 * A generated migration: its Flyway file name ({@code V3__add_isbn.sql}), its text, and the differences it
 * was written for. Immutable.
 */
public record Migration(String fileName, String script, List<Difference> differences) {
    public Migration {
        differences = List.copyOf(differences);
    }
}
