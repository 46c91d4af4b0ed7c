package dev.retort.jdbc.translate.mysql;

import dev.retort.jdbc.translate.Dialect;
import dev.retort.jdbc.translate.rewrite.Rewriter;
import dev.retort.jdbc.translate.lex.Tokens;
import dev.retort.jdbc.translate.lex.Keywords;
import dev.retort.jdbc.translate.lex.Literals;

import java.sql.SQLException;
import java.util.Locale;

/**
 * One MySQL column type as the target spells it. UNSIGNED widens the type and adds a CHECK, ENUM becomes a
 * VARCHAR with a CHECK, and TINYINT(1)/BOOLEAN stay numbers (MySQL's TRUE is 1), so that the queries
 * written against them keep working.
 */
final class ColumnType {

    private final Rewriter rewriter;
    private final Tokens t;
    private final Dialect target;
    private final String column;
    private String base;
    private String size = "";
    private boolean unsigned;
    private String enumValues;
    private int enumLength;

    ColumnType(Rewriter rewriter, String column) {
        this.rewriter = rewriter;
        this.t = rewriter.t;
        this.target = rewriter.target;
        this.column = column;
    }

    /** Reads the type starting at {@code first}; returns the index after it. */
    int read(int first, int to) throws SQLException {
        base = t.upper(first);
        int i = t.next(first, to);
        if (base.equals("DOUBLE") && t.word(i, "PRECISION")) {
            i = t.next(i, to);
        }
        if (i < to && t.kind[i] == Tokens.OPEN) {
            if (base.equals("ENUM")) {
                enumeration(i);
            } else {
                size = t.sql.substring(t.start[i], t.end[t.partner[i]]).replace(" ", "");
            }
            i = t.next(t.partner[i], to);
        }
        while (t.word(i, "UNSIGNED") || t.word(i, "SIGNED") || t.word(i, "ZEROFILL")) {
            unsigned |= t.word(i, "UNSIGNED");
            if (t.word(i, "ZEROFILL")) {
                throw rewriter.refuse("ZEROFILL on column " + column, "the targets do not pad numbers",
                        "pad the number when formatting it");
            }
            i = t.next(i, to);
        }
        return i;
    }

    private void enumeration(int open) throws SQLException {
        StringBuilder values = new StringBuilder();
        for (int[] range : rewriter.arguments(open)) {
            String value = rewriter.stringLiteral(range[0], range[1]);
            if (value == null) {
                throw rewriter.refuse("ENUM with a value that is not a string literal", "values are copied into a"
                        + " CHECK", "write each value as a string literal");
            }
            enumLength = Math.max(enumLength, value.length());
            values.append(values.length() > 0 ? ", " : "").append(Literals.quote(value, target));
        }
        enumValues = values.toString();
        rewriter.doubt("ENUM column " + column, "MySQL sorts an ENUM by its position in the list, " + target
                + " by its text", "order by a CASE expression if the list order matters");
    }

    String written() throws SQLException {
        if (enumValues != null) {
            rewriter.fire("ENUM as CHECK");
            return "VARCHAR(" + Math.max(1, enumLength) + ")";
        }
        if (rewriter.spelling.storageClassesOnly()) {
            return sqlite();
        }
        switch (base) {
            case "TINYINT":
                return rewriter.spelling.tinyInteger(unsigned);
            case "BOOL":
            case "BOOLEAN":
                return "SMALLINT";
            case "SMALLINT":
                return unsigned ? "INTEGER" : "SMALLINT";
            case "MEDIUMINT":
                return "INTEGER";
            case "INT":
            case "INTEGER":
                return unsigned ? "BIGINT" : "INTEGER";
            case "BIGINT":
                return unsigned ? "NUMERIC(20)" : "BIGINT";
            case "DECIMAL":
            case "NUMERIC":
            case "DEC":
            case "FIXED":
                return "DECIMAL" + (size.isEmpty() ? "(10,0)" : size);
            case "FLOAT":
                return "REAL";
            case "DOUBLE":
            case "REAL":
                return "DOUBLE PRECISION";
            case "CHAR":
            case "VARCHAR":
                return base + size;
            case "TINYTEXT":
            case "TEXT":
            case "MEDIUMTEXT":
            case "LONGTEXT":
                return rewriter.spelling.longText();
            case "DATE":
                return "DATE";
            case "DATETIME":
            case "TIMESTAMP":
                return "TIMESTAMP" + (size.isEmpty() ? "(0)" : size);
            case "TIME":
                return "TIME" + (size.isEmpty() ? "(0)" : size);
            case "YEAR":
                return "SMALLINT";
            case "BINARY":
            case "VARBINARY":
                return rewriter.spelling.binary(base, size);
            case "TINYBLOB":
            case "BLOB":
            case "MEDIUMBLOB":
            case "LONGBLOB":
                return rewriter.spelling.blob();
            default:
                throw unknown();
        }
    }

    private SQLException unknown() {
        return rewriter.refuse("Column type " + base + " of column " + column, "the translator has no equivalent"
                + " for it on " + target, "use a numeric, character, date/time or binary type");
    }

    private String sqlite() throws SQLException {
        switch (base) {
            case "TINYINT":
            case "SMALLINT":
            case "MEDIUMINT":
            case "INT":
            case "INTEGER":
            case "BIGINT":
            case "BOOL":
            case "BOOLEAN":
            case "YEAR":
                return "INTEGER";
            case "DECIMAL":
            case "NUMERIC":
            case "DEC":
            case "FIXED":
                return "NUMERIC";
            case "FLOAT":
            case "DOUBLE":
            case "REAL":
                return "REAL";
            case "CHAR":
            case "VARCHAR":
            case "TINYTEXT":
            case "TEXT":
            case "MEDIUMTEXT":
            case "LONGTEXT":
                return "TEXT";
            case "DATE":
            case "DATETIME":
            case "TIMESTAMP":
            case "TIME":
                return base.equals("TIMESTAMP") ? "DATETIME" : base;
            case "BINARY":
            case "VARBINARY":
            case "TINYBLOB":
            case "BLOB":
            case "MEDIUMBLOB":
            case "LONGBLOB":
                return "BLOB";
            default:
                throw unknown();
        }
    }

    /** Whether the column holds text that MySQL's default collation compares without case (not ENUM). */
    boolean text() {
        return enumValues == null && TEXT_TYPES.contains(base);
    }

    /** The declared length of a CHAR/VARCHAR, or -1. */
    int length() {
        if (size.length() < 3 || !(base.equals("CHAR") || base.equals("VARCHAR"))) {
            return -1;
        }
        try {
            return Integer.parseInt(size.substring(1, size.length() - 1));
        } catch (NumberFormatException notWhole) {
            return -1;
        }
    }

    private static final java.util.Set<String> TEXT_TYPES = java.util.Set.of("CHAR", "VARCHAR", "TINYTEXT", "TEXT",
            "MEDIUMTEXT", "LONGTEXT");

    /** An identity column keeps an integer type: BIGINT UNSIGNED becomes BIGINT rather than NUMERIC(20). */
    String integerForIdentity() throws SQLException {
        String written = written();
        return written.startsWith("NUMERIC") ? "BIGINT" : written;
    }

    /** CHECK constraints that keep MySQL's range: UNSIGNED and ENUM. */
    String check() {
        String name = rewriter.spelling.name(column);
        if (enumValues != null) {
            return " CHECK (" + name + " IN (" + enumValues + "))";
        }
        if (unsigned) {
            rewriter.fire("UNSIGNED as CHECK");
            return " CHECK (" + name + " >= 0)";
        }
        return "";
    }

    @Override
    public String toString() {
        return base.toLowerCase(Locale.ROOT) + size;
    }
}
