package dev.retort;

/** {@link Query#one()} or {@link Query#oneOrNull()} found more than one row. */
public class MultipleResultsFoundException extends RetortException {
    private static final long serialVersionUID = 1L;

    public MultipleResultsFoundException(String message) {
        super(message);
    }

    public MultipleResultsFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
