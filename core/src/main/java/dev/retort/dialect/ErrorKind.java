package dev.retort.dialect;

/** What a driver's {@link java.sql.SQLException} means, as far as Retort reacts to it. */
public enum ErrorKind {
    UNIQUE_VIOLATION("a unique constraint"),
    NOT_NULL_VIOLATION("a NOT NULL constraint"),
    FOREIGN_KEY_VIOLATION("a foreign key constraint"),
    OTHER_INTEGRITY_VIOLATION("an integrity constraint"),
    /** The connection is gone (SQLState class 08, a server shutting down, a killed session): the pool must destroy it. */
    CONNECTION_FAILURE("the connection"),
    /** A serialization failure or deadlock: the database rolled the transaction back and running it again may succeed. */
    TRANSACTION_CONFLICT("a concurrent transaction"),
    /** The statement ran longer than its timeout and was cancelled. */
    QUERY_TIMEOUT("the statement timeout"),
    /** A table the statement names does not exist: the schema was never created or not migrated. */
    MISSING_TABLE("a missing table"),
    OTHER("");

    private final String description;

    ErrorKind(String description) {
        this.description = description;
    }

    /** The constraint kind for messages, e.g. "a unique constraint". */
    public String description() {
        return description;
    }

    public boolean isIntegrityViolation() {
        return this == UNIQUE_VIOLATION || this == NOT_NULL_VIOLATION || this == FOREIGN_KEY_VIOLATION
                || this == OTHER_INTEGRITY_VIOLATION;
    }
}
