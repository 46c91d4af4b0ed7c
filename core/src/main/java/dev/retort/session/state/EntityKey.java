package dev.retort.session.state;

/** The identity map's key: entity class and primary key value. */
public record EntityKey(Class<?> type, Object id) {
}
