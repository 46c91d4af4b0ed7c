package dev.retort;

/**
 * A bulk DELETE of one entity's table, as SQLAlchemy's {@code delete(User).where(...)}:
 * {@code session.delete(User.class).where(User_.age.lt(18)).execute()}. Like {@link UpdateQuery} it flushes
 * first, bypasses the identity map and expires the entity's loaded instances afterwards.
 *
 * @param <T> the entity type
 */
public interface DeleteQuery<T> {

    /** Adds a condition, combined with AND with the others; without any, every row is deleted. */
    DeleteQuery<T> where(Predicate condition);

    /** Runs the DELETE; returns the number of rows it removed. */
    int execute();
}
