/**
 * SQL translation between databases, as the JDBC wrappers see it: {@link dev.retort.jdbc.translate.SqlTranslator}
 * (SQL in, the statements to send out), its implementation {@link dev.retort.jdbc.translate.Translator}, what it
 * returns ({@link dev.retort.jdbc.translate.TranslatedSql}, {@link dev.retort.jdbc.translate.Translation}), how it
 * refuses ({@link dev.retort.jdbc.translate.Refusal}), the {@link dev.retort.jdbc.translate.Dialect}s and the
 * command line ({@link dev.retort.jdbc.translate.TranslateCli}). The work is done below: {@code lex} reads tokens,
 * {@code rewrite} walks them, {@code mysql} and {@code postgres} hold each source dialect's rules, and
 * {@code target} holds how each target database spells what the rules ask. Only this package is API.
 */
package dev.retort.jdbc.translate;
