package dev.retort.mapping;

/** How an entity's id is produced when the application leaves it unset. */
public enum IdGeneration {
    /** The application assigns ids. */
    ASSIGNED,
    /** An identity / auto-increment column; the id is learnt from generated keys after the insert. */
    IDENTITY,
    /** A database sequence, allocated in blocks (pooled, like Hibernate's default optimizer). */
    SEQUENCE,
    /** A random UUID made in Java before the insert. */
    UUID
}
