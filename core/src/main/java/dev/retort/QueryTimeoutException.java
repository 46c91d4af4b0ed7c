package dev.retort;

/**
 * A statement ran past its timeout ({@link Query#timeout}, or the engine's {@code statement-timeout-seconds})
 * and the database cancelled it. The session is usable again after {@link Session#rollback()}.
 */
public class QueryTimeoutException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public QueryTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
