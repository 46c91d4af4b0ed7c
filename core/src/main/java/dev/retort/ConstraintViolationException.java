package dev.retort;

/** A statement violated a unique, NOT NULL, foreign key or check constraint (SQLAlchemy's IntegrityError). */
public class ConstraintViolationException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public ConstraintViolationException(String message) {
        super(message);
    }

    public ConstraintViolationException(String message, Throwable cause) {
        super(message, cause);
    }
}
