package dev.retort.sql;

/** A database sequence, created beside the table whose ids it feeds. */
public record Sequence(String name, long start, int increment) {
}
