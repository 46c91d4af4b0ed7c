package dev.retort.sql;

/** How a primary-key column gets its value when the application gives none. */
public enum Generation {
    /** The application assigns the value (or it is generated in Java, like a random UUID). */
    NONE,
    /** The database assigns it on insert (identity / auto-increment column). */
    IDENTITY,
    /** Values come from a database sequence, fetched before the insert. */
    SEQUENCE
}
