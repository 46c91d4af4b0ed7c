package dev.retort;

/** A write was asked of a container-managed session while no transaction is active. */
public class TransactionRequiredException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    public TransactionRequiredException(String message) {
        super(message);
    }
}
