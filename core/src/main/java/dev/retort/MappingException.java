package dev.retort;

/** An entity class cannot be mapped as written, or a class that is not mapped was used as an entity. */
public class MappingException extends RetortException {
    private static final long serialVersionUID = 1L;

    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
