package dev.retort;

/** {@link Query#one()} found no row. */
public class NoResultFoundException extends RetortException {
    private static final long serialVersionUID = 1L;

    public NoResultFoundException(String message) {
        super(message);
    }

    public NoResultFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
