package dev.retort;

/**
 * The database rolled the transaction back to resolve a conflict with a concurrent one: a serialization
 * failure, a deadlock, a lock wait that timed out. Running the unit of work again in a new transaction
 * usually succeeds ({@link Retry}).
 */
public class TransactionConflictException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public TransactionConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
