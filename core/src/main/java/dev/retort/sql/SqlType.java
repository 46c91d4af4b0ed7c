package dev.retort.sql;

/** Dialect-neutral column types; each dialect's compiler names them in its own DDL. */
public enum SqlType {
    BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DECIMAL,
    CHAR, VARCHAR, DATE, TIME, TIMESTAMP, TIMESTAMP_WITH_TIME_ZONE, UUID, BINARY
}
