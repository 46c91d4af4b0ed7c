package dev.retort.jdbc.translate.postgres;

import dev.retort.jdbc.translate.Dialect;
import dev.retort.jdbc.translate.rewrite.Rewriter;
import dev.retort.jdbc.translate.lex.Tokens;

import java.sql.SQLException;
import java.util.Locale;

/** PostgreSQL type names read at a token, as MySQL casts and columns or SQLite's affinities name them. */
final class PostgresTypes {

    private final Rewriter rewriter;
    private final Tokens t;
    private final Dialect target;
    /** The index after the type last read. */
    int end;
    /** The type name as PostgreSQL knows it, upper case, with its size if any. */
    String name;
    private String base;
    private String size;

    PostgresTypes(Rewriter rewriter) {
        this.rewriter = rewriter;
        this.t = rewriter.t;
        this.target = rewriter.target;
    }

    /** Reads a type at {@code first}: one or more words, a size in parentheses, WITH/WITHOUT TIME ZONE. */
    void read(int first, int limit) throws SQLException {
        if (first >= limit || t.kind[first] != Tokens.WORD) {
            throw rewriter.refuse("A cast to " + (first < limit ? t.text(first) : "nothing"), "a type name is"
                    + " expected", "name the type");
        }
        base = t.upper(first);
        int i = first + 1;
        int next = t.next(first, limit);
        if ((base.equals("DOUBLE") && t.word(next, "PRECISION")) || (base.equals("CHARACTER")
                && t.word(next, "VARYING"))) {
            base = base + " " + t.upper(next);
            i = next + 1;
            next = t.next(next, limit);
        }
        size = "";
        if (next < limit && t.kind[next] == Tokens.OPEN) {
            size = t.sql.substring(t.start[next], t.end[t.partner[next]]).replace(" ", "");
            i = t.partner[next] + 1;
            next = t.next(t.partner[next], limit);
        }
        if ((t.word(next, "WITH") || t.word(next, "WITHOUT")) && t.word(t.next(next, limit), "TIME")) {
            if (t.word(next, "WITH")) {
                base = "TIMESTAMPTZ";
            }
            i = t.next(t.next(next, limit), limit) + 1;
            next = t.skip(i, limit);
        }
        if (next < limit && t.op(next, "[")) {
            throw rewriter.refuse("Array type " + base + "[]", target + " has no array types",
                    "store the values in a separate table");
        }
        end = i;
        name = base + size;
    }

    /** The scale written in {@code numeric(p, s)}, or null. */
    String scale() {
        int comma = size.indexOf(',');
        return comma < 0 ? null : size.substring(comma + 1, size.length() - 1);
    }

    /** The type for {@code CAST(x AS …)} on the target. */
    String cast() throws SQLException {
        String family = family();
        if (rewriter.spelling.storageClassesOnly()) {
            String affinity = sqliteAffinity(family);
            if (affinity == null) {
                throw unsupported("cast to " + name);
            }
            return affinity;
        }
        return switch (family) {
            case "integer" -> "SIGNED";
            case "decimal" -> "DECIMAL" + (size.isEmpty() ? "(65,30)" : size);
            case "float" -> "DOUBLE";
            case "text" -> "CHAR";
            case "date" -> "DATE";
            case "timestamp" -> "DATETIME(6)";
            case "time" -> "TIME(6)";
            default -> throw unsupported("cast to " + name);
        };
    }

    /** The family of the type: integer, decimal, float, text, date, timestamp, time, bool, bytes, or other. */
    String family() {
        switch (base) {
            case "INT": case "INTEGER": case "INT2": case "INT4": case "INT8": case "SMALLINT": case "BIGINT":
                return "integer";
            case "NUMERIC": case "DECIMAL":
                return "decimal";
            case "REAL": case "FLOAT4": case "FLOAT8": case "FLOAT": case "DOUBLE PRECISION":
                return "float";
            case "TEXT": case "VARCHAR": case "CHARACTER VARYING": case "CHAR": case "CHARACTER": case "UUID":
                return "text";
            case "DATE":
                return "date";
            case "TIMESTAMP":
                return "timestamp";
            case "TIME":
                return "time";
            case "BOOLEAN": case "BOOL":
                return "bool";
            case "BYTEA":
                return "bytes";
            default:
                return "other";
        }
    }

    /** SQLite's storage class for a numeric or text family, or null. */
    private static String sqliteAffinity(String family) {
        return switch (family) {
            case "integer" -> "INTEGER";
            case "decimal" -> "NUMERIC";
            case "float" -> "REAL";
            case "text" -> "TEXT";
            default -> null;
        };
    }

    /** The column type on the target, for CREATE TABLE. */
    String column() throws SQLException {
        String family = family();
        if (rewriter.spelling.storageClassesOnly()) {
            String affinity = sqliteAffinity(family);
            return affinity != null ? affinity : switch (family) {
                case "date" -> "DATE";
                case "timestamp" -> "DATETIME";
                case "time" -> "TIME";
                case "bool" -> "BOOLEAN";
                case "bytes" -> "BLOB";
                default -> throw unsupported("column type " + name);
            };
        }
        return switch (family) {
            case "integer" -> base.equals("INT8") || base.equals("BIGINT") ? "BIGINT"
                    : base.equals("INT2") || base.equals("SMALLINT") ? "SMALLINT" : "INT";
            case "decimal" -> "DECIMAL" + (size.isEmpty() ? "(65,30)" : size);
            case "float" -> base.equals("REAL") || base.equals("FLOAT4") ? "FLOAT" : "DOUBLE";
            case "text" -> base.equals("TEXT") ? "LONGTEXT" : base.equals("UUID") ? "CHAR(36)"
                    : base.startsWith("CHARACTER VARYING") ? "VARCHAR" + size : base + size;
            case "date" -> "DATE";
            case "timestamp" -> "DATETIME" + (size.isEmpty() ? "(6)" : size);
            case "time" -> "TIME" + (size.isEmpty() ? "(6)" : size);
            case "bool" -> "BOOLEAN";
            case "bytes" -> "LONGBLOB";
            default -> throw unsupported("column type " + name);
        };
    }

    private SQLException unsupported(String what) {
        return rewriter.refuse("The " + what, target + " has no type with PostgreSQL's meaning of "
                + name.toLowerCase(Locale.ROOT), "use an integer, numeric, text, date, timestamp or boolean type");
    }
}
