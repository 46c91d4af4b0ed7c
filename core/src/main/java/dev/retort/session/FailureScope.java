package dev.retort.session;

import dev.retort.session.state.Frame;

/**
 * What a failed flush rolled back, and so what its message tells the user to do next: the session's own
 * transaction, a savepoint, or (for a session joined to JTA) nothing yet: the container's transaction is
 * marked for rollback.
 */
public enum FailureScope {
    TRANSACTION("The transaction was rolled back: nothing of this flush, nor of earlier flushes in the same "
            + "transaction, remains in the database.", "call session.rollback(), "),
    SAVEPOINT("The nested transaction was rolled back to its savepoint: nothing written since the savepoint remains.",
            "call rollback() on the nested transaction, "),
    JTA("The JTA transaction was marked for rollback: nothing it wrote will be committed.",
            "let the container roll this transaction back and retry in a new one: ");

    private final String rolledBack;
    private final String firstStep;

    FailureScope(String rolledBack, String firstStep) {
        this.rolledBack = rolledBack;
        this.firstStep = firstStep;
    }

    public static FailureScope of(TransactionMode mode, Frame frame) {
        return !mode.ownsTransaction() ? JTA : frame != null && frame.nested() ? SAVEPOINT : TRANSACTION;
    }

    /** What was rolled back, as a sentence. */
    public String rolledBack() {
        return rolledBack;
    }

    /** "To fix this, ..." with the step this scope needs first, then {@code then}. */
    public String toFix(String then) {
        return "To fix this, " + firstStep + then + ".";
    }
}
