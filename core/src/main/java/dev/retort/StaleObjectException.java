package dev.retort;

/** An UPDATE or DELETE matched no row: another transaction changed or deleted the row since it was loaded (optimistic locking with {@code @Version}). */
public class StaleObjectException extends RetortException {
    private static final long serialVersionUID = 1L;

    public StaleObjectException(String message) {
        super(message);
    }

    public StaleObjectException(String message, Throwable cause) {
        super(message, cause);
    }
}
