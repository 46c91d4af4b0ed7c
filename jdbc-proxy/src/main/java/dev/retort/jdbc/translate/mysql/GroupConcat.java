package dev.retort.jdbc.translate.mysql;

import dev.retort.jdbc.translate.rewrite.Call;
import dev.retort.jdbc.translate.rewrite.Rewriter;
import dev.retort.jdbc.translate.lex.Tokens;

import java.sql.SQLException;

/** {@code GROUP_CONCAT([DISTINCT] x [ORDER BY …] [SEPARATOR s])} as string_agg, LISTAGG or group_concat. */
final class GroupConcat {

    private final Rewriter rewriter;
    private final Call call;
    private final Tokens t;

    GroupConcat(Rewriter rewriter, Call call) {
        this.rewriter = rewriter;
        this.call = call;
        this.t = rewriter.t;
    }

    String write() throws SQLException {
        int from = t.next(call.open, call.close);
        boolean distinct = t.word(from, "DISTINCT");
        if (distinct) {
            from = t.next(from, call.close);
        }
        int order = t.findWord(from, call.close, "ORDER");
        int separatorWord = t.findWord(from, call.close, "SEPARATOR");
        int valueEnd = order >= 0 ? order : separatorWord >= 0 ? separatorWord : call.close;
        for (int i = from; i < valueEnd; i++) {
            if (t.kind[i] == Tokens.OPEN) {
                i = t.partner[i];
            } else if (t.kind[i] == Tokens.COMMA) {
                throw rewriter.refuse("GROUP_CONCAT with several expressions", "the targets aggregate one",
                        "pass one expression: GROUP_CONCAT(CONCAT(a, b))");
            }
        }
        String value = rewriter.sub(from, valueEnd);
        String separator = "','";
        if (separatorWord >= 0) {
            separator = rewriter.sub(t.next(separatorWord, call.close), call.close);
        }
        String orderBy = "";
        if (order >= 0) {
            int orderEnd = separatorWord > order ? separatorWord : call.close;
            orderBy = rewriter.sub(order, orderEnd);
        }
        String prefix = distinct ? "DISTINCT " : "";
        switch (rewriter.target) {
            case POSTGRESQL:
                String text = "CAST(" + value + " AS TEXT)";
                if (distinct && !orderBy.isEmpty()) {
                    orderBy = orderBy.replace(value, text);
                }
                return "STRING_AGG(" + prefix + text + ", " + separator + (orderBy.isEmpty() ? "" : " " + orderBy)
                        + ")";
            case H2:
                return "LISTAGG(" + prefix + value + ", " + separator + ")"
                        + (orderBy.isEmpty() ? "" : " WITHIN GROUP (" + orderBy + ")");
            default:
                if (distinct && !separator.equals("','")) {
                    throw rewriter.refuse("GROUP_CONCAT(DISTINCT … SEPARATOR …)",
                            rewriter.spelling.displayName() + "'s DISTINCT aggregates"
                            + " take one argument, so the separator is always ','", "drop the SEPARATOR or DISTINCT");
                }
                return "GROUP_CONCAT(" + prefix + value + (distinct ? "" : ", " + separator)
                        + (orderBy.isEmpty() ? "" : " " + orderBy) + ")";
        }
    }
}
