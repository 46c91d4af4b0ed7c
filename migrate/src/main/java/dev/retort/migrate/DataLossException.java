package dev.retort.migrate;

import java.util.List;

import dev.retort.RetortException;

/**
 * A migration would lose data (drop a table or column, narrow a type, make a column of a filled table NOT
 * NULL) and nobody said it may: each such change is listed, with the way to allow it or keep the data.
 */
public class DataLossException extends RetortException {
    private static final long serialVersionUID = 1L;

    private final List<String> changes;

    public DataLossException(String message, List<String> changes) {
        super(message);
        this.changes = List.copyOf(changes);
    }

    /** One sentence per change that loses data. */
    public List<String> changes() {
        return changes;
    }
}
