package dev.retort;

/** The database or its driver reported an error; the driver's {@link java.sql.SQLException} is the cause. */
public class DatabaseException extends RetortException {
    private static final long serialVersionUID = 1L;

    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
