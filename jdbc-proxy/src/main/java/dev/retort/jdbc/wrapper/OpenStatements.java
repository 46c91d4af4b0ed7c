package dev.retort.jdbc.wrapper;

import java.util.Arrays;

/**
 * The statements a connection must close with itself. Statements are mostly closed newest first, so
 * removal searches from the end (HikariCP's FastList does the same); the array is reused, not reallocated.
 * Guarded by the owning connection's monitor.
 */
final class OpenStatements {

    private RetortStatement[] statements = new RetortStatement[16];
    private int size;

    void add(RetortStatement statement) {
        if (size == statements.length) {
            statements = Arrays.copyOf(statements, size * 2);
        }
        statements[size++] = statement;
    }

    void remove(RetortStatement statement) {
        for (int i = size - 1; i >= 0; i--) {
            if (statements[i] == statement) {
                System.arraycopy(statements, i + 1, statements, i, size - i - 1);
                statements[--size] = null;
                return;
            }
        }
    }

    /** Empties the list and returns what it held, so closing them cannot race with removal. */
    RetortStatement[] drain() {
        RetortStatement[] drained = Arrays.copyOf(statements, size);
        Arrays.fill(statements, 0, size, null);
        size = 0;
        return drained;
    }
}
