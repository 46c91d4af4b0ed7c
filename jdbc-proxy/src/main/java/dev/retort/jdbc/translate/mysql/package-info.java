/**
 * The rules for SQL written for MySQL or MariaDB: tokens ({@link dev.retort.jdbc.translate.mysql.MySqlRewriter}),
 * functions, dates, operators, joins, upserts, DDL and session statements. They ask the target how it spells
 * things ({@link dev.retort.jdbc.translate.target.Target}) and never know the PostgreSQL rules. Internal to the
 * translator: only the rewriter is public, for {@link dev.retort.jdbc.translate.Translator}; not API, may change
 * without notice.
 */
package dev.retort.jdbc.translate.mysql;
