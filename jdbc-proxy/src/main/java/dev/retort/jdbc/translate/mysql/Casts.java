package dev.retort.jdbc.translate.mysql;

import dev.retort.jdbc.translate.Dialect;
import dev.retort.jdbc.translate.rewrite.Call;
import dev.retort.jdbc.translate.rewrite.Rewriter;
import dev.retort.jdbc.translate.target.Target;
import dev.retort.jdbc.translate.lex.Tokens;

import java.sql.SQLException;

/** MySQL's CAST and CONVERT target types (SIGNED, CHAR, DATETIME, …) as each target names them. */
final class Casts {

    private final Rewriter rewriter;
    private final Tokens t;
    private final Dialect target;
    private final Target spelling;

    Casts(Rewriter rewriter) {
        this.rewriter = rewriter;
        this.t = rewriter.t;
        this.target = rewriter.target;
        this.spelling = rewriter.spelling;
    }

    String cast(Call call) throws SQLException {
        int as = t.findWord(call.open + 1, call.close, "AS");
        if (as < 0) {
            throw rewriter.refuse("CAST without AS", "MySQL requires CAST(value AS type)", "add AS and a type");
        }
        return write(rewriter.sub(call.open + 1, as), t.next(as, call.close), call.close);
    }

    /** {@code CONVERT(x, type)}; {@code CONVERT(x USING charset)} only changes the character set. */
    String convert(Call call) throws SQLException {
        int using = t.findWord(call.open + 1, call.close, "USING");
        if (using >= 0) {
            return rewriter.sub(call.open + 1, using);
        }
        call.expect(2, 2);
        return write(call.arg(0), call.ranges[1][0], call.ranges[1][1]);
    }

    private String write(String value, int typeFrom, int typeTo) throws SQLException {
        String type = t.upper(typeFrom);
        int open = t.next(typeFrom, typeTo);
        String size = open < typeTo && t.kind[open] == Tokens.OPEN ? t.sql.substring(t.start[open],
                t.end[t.partner[open]]) : "";
        switch (type) {
            case "SIGNED":
            case "UNSIGNED":
            case "INTEGER":
            case "INT":
                return spelling.castToInteger(value);
            case "CHAR":
            case "NCHAR":
            case "VARCHAR":
                String text = spelling.unboundedText();
                if (!size.isEmpty()) {
                    return "SUBSTR(CAST(" + value + " AS " + text + "), 1, " + size.substring(1, size.length() - 1)
                            + ")";
                }
                return "CAST(" + value + " AS " + text + ")";
            case "DATE":
                return spelling.castToDate(value);
            case "DATETIME":
            case "TIMESTAMP":
                return spelling.castToTimestamp(value, size);
            case "TIME":
                return spelling.castToTime(value, size);
            case "DECIMAL":
            case "NUMERIC":
                return spelling.castToDecimal(value, size);
            case "DOUBLE":
            case "FLOAT":
            case "REAL":
                return "CAST(" + value + " AS " + spelling.doubleType() + ")";
            default:
                throw rewriter.refuse("CAST(… AS " + type + ")", target + " has no type with MySQL's meaning"
                        + " of " + type, "cast to CHAR, SIGNED, DECIMAL, DATE, DATETIME, TIME or DOUBLE");
        }
    }
}
