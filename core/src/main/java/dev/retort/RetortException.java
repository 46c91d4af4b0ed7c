package dev.retort;

/**
 * Root of every exception Retort throws. Unchecked, like SQLAlchemy's errors; where a driver failed, its
 * {@link java.sql.SQLException} is kept as the cause. Instances are immutable and thread-safe.
 */
public class RetortException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RetortException(String message) {
        super(message);
    }

    public RetortException(String message, Throwable cause) {
        super(message, cause);
    }
}
