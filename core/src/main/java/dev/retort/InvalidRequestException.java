package dev.retort;

/** The session was asked something it cannot do in its current state: it is closed, the object is not attached, an argument has the wrong type. */
public class InvalidRequestException extends RetortException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }

    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
