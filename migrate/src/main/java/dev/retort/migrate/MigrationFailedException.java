package dev.retort.migrate;

import dev.retort.RetortException;

/**
 * {@link Migrations#apply(java.util.List, ClassLoader)}: there was no migration to apply, or Flyway failed
 * applying one (Flyway's exception is the cause); the message says which and how to fix it.
 */
public class MigrationFailedException extends RetortException {
    private static final long serialVersionUID = 1L;

    public MigrationFailedException(String message) {
        super(message);
    }

    public MigrationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
