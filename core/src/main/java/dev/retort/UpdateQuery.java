package dev.retort;

/**
 * A bulk UPDATE of one entity's table, as SQLAlchemy's {@code update(User).where(...).values(...)}:
 * {@code session.update(User.class).where(User_.age.lt(18)).set(User_.age, 18).execute()}. It runs one
 * statement in the session's transaction, bypassing the identity map: pending changes are flushed
 * first, and afterwards every loaded instance of the entity is expired, so that it is reloaded rather
 * than served stale. Version columns are not incremented. Each method returns a new statement.
 *
 * @param <T> the entity type
 */
public interface UpdateQuery<T> {

    /** Adds a condition, combined with AND with the others; without any, every row is updated. */
    UpdateQuery<T> where(Predicate condition);

    <V> UpdateQuery<T> set(Attribute<T, V> attribute, V value);

    /** Sets the attribute to an expression of the row: {@code set(User_.age, User_.age.plus(1))}. */
    <V> UpdateQuery<T> set(Attribute<T, V> attribute, Expr<? extends V> value);

    <V> UpdateQuery<T> setNull(Attribute<T, V> attribute);

    /** Runs the UPDATE; returns the number of rows it changed. */
    int execute();
}
