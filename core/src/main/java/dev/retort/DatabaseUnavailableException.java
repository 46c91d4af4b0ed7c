package dev.retort;

/**
 * The database could not be reached, or the connection to it was lost (server restarted, session killed,
 * network down). The connection has left the pool; the transaction it carried was rolled back by the
 * database, so running the unit of work again is safe, except when {@link #commitOutcomeUnknown()}: then
 * the connection broke during COMMIT and the database may have committed.
 */
public class DatabaseUnavailableException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    private final boolean commitOutcomeUnknown;

    public DatabaseUnavailableException(String message, Throwable cause) {
        this(message, cause, false);
    }

    public DatabaseUnavailableException(String message, Throwable cause, boolean commitOutcomeUnknown) {
        super(message, cause);
        this.commitOutcomeUnknown = commitOutcomeUnknown;
    }

    /** Whether the connection broke while COMMIT was on its way, so the transaction may or may not be committed. */
    public boolean commitOutcomeUnknown() {
        return commitOutcomeUnknown;
    }
}
