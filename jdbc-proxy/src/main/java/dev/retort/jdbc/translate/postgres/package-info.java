/**
 * The rules for SQL written for PostgreSQL: tokens ({@link dev.retort.jdbc.translate.postgres.PostgresRewriter}),
 * expressions, functions, types, arrays, series, {@code DISTINCT ON} and statements. They ask the target how it
 * spells things ({@link dev.retort.jdbc.translate.target.Target}) and never know the MySQL rules. Internal to the
 * translator: only the rewriter is public, for {@link dev.retort.jdbc.translate.Translator}; not API, may change
 * without notice.
 */
package dev.retort.jdbc.translate.postgres;
