package dev.retort.it;

/** A test class bound to one {@link TestDatabase}, so that {@link Requires} can ask what it can do. */
public interface OnDatabase {
    TestDatabase database();
}
