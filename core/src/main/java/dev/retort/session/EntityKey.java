package dev.retort.session;

/** The identity map's key: entity class and primary key value. */
record EntityKey(Class<?> type, Object id) {
}
