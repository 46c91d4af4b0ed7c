package dev.retort.migrate;

import java.util.List;

import dev.retort.RetortException;

/**
 * {@link Migrations#check}: the migrated database does not match the model, or migrations are not applied;
 * the message lists every difference and says how to fix it.
 */
public class SchemaMismatchException extends RetortException {
    private static final long serialVersionUID = 1L;

    private final List<Difference> differences;

    public SchemaMismatchException(String message, List<Difference> differences) {
        super(message);
        this.differences = List.copyOf(differences);
    }

    /** The differences between the database and the model (empty when the failure is pending migrations). */
    public List<Difference> differences() {
        return differences;
    }
}
