package dev.retort;

/** A flush failed and rolled the transaction back; the session refuses work until {@link Session#rollback()} is called. */
public class PendingRollbackException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    public PendingRollbackException(String message) {
        super(message);
    }

    public PendingRollbackException(String message, Throwable cause) {
        super(message, cause);
    }
}
