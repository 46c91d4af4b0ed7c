package dev.retort.jdbc.log;

import dev.retort.jdbc.ProxyOptions.Params;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * One JSON object per record: {@code sql} is always the application's SQL; {@code inlined},
 * {@code params} or {@code maskedParams} follow the {@code retort.log.params} mode.
 */
final class JsonFormat {

    private JsonFormat() {
    }

    static String format(StatementRecord record, Params params) {
        return append(new StringBuilder(160).append('{'), record, params).toString();
    }

    /** Appends the record's members and the closing brace to {@code json}, which holds the opening one. */
    static StringBuilder append(StringBuilder json, StatementRecord record, Params params) {
        json.append("\"conn\":").append(record.connectionId())
                .append(",\"kind\":\"").append(record.kind().name().toLowerCase(Locale.ROOT)).append('"')
                .append(",\"ms\":");
        TextFormat.millis(json, record.elapsedNanos());
        if (record.rows() >= 0 && record.failure() == null) {
            json.append(",\"rows\":").append(record.rows());
        }
        if (record.batchSize() > 0) {
            json.append(",\"batch\":").append(record.batchSize());
        }
        string(json.append(",\"sql\":"), record.capped(record.sql()));
        if (!record.sentSql().equals(record.sql())) {
            string(json.append(",\"sentSql\":"), record.capped(record.sentSql()));
        }
        parameters(json, record, params);
        SQLException failure = record.failure();
        if (failure != null) {
            string(json.append(",\"sqlState\":"), failure.getSQLState());
            json.append(",\"errorCode\":").append(failure.getErrorCode());
            string(json.append(",\"error\":"), failure.getMessage() == null ? null
                    : record.capped(failure.getMessage()));
        }
        if (record.caller() != null) {
            string(json.append(",\"caller\":"), record.caller());
        }
        return json.append('}');
    }

    private static void parameters(StringBuilder json, StatementRecord record, Params params) {
        if (params == Params.INLINE) {
            if (!record.parameterSets().isEmpty()) {
                CappedText inlined = record.cappedText();
                record.writeInlined(inlined);
                string(json.append(",\"inlined\":"), inlined.toString());
            }
        } else if (params == Params.MASK) {
            json.append(",\"maskedParams\":").append(record.parameterCount());
        } else {
            ParamsArray array = new ParamsArray(json, record.maxValueLength(), record.maxStatementLength());
            array.write(record.parameterSets());
        }
    }

    /**
     * {@code "params":[[1,"a"],...]} (JSON values; named ones as {@code {"name":value}}) while what is written
     * stays within the statement's length;
     * values after that are counted in {@code "omittedParams"}, so the record stays valid JSON and bounded.
     */
    private static final class ParamsArray implements BoundValues.Visitor {

        private final StringBuilder json;
        private final int maxValueLength;
        private long budget;
        private long omitted;
        private boolean firstInSet;

        ParamsArray(StringBuilder json, int maxValueLength, int maxStatementLength) {
            this.json = json;
            this.maxValueLength = maxValueLength;
            this.budget = maxStatementLength;
        }

        void write(List<BoundValues> sets) {
            json.append(",\"params\":[");
            boolean firstSet = true;
            for (BoundValues set : sets) {
                if (budget <= 0) {
                    omitted += set.count();
                    continue;
                }
                json.append(firstSet ? "[" : ",[");
                firstSet = false;
                firstInSet = true;
                set.forEach(this);
                json.append(']');
            }
            json.append(']');
            if (omitted > 0) {
                json.append(",\"omittedParams\":").append(omitted);
            }
        }

        @Override
        public void value(String name, Object value) {
            if (budget <= 0) {
                omitted++;
                return;
            }
            int before = json.length();
            json.append(firstInSet ? "" : ",");
            if (name != null) {
                string(json.append('{'), name);
                json.append(':');
            }
            jsonValue(json, value, maxValueLength);
            if (name != null) {
                json.append('}');
            }
            budget -= json.length() - before;
            firstInSet = false;
        }
    }

    /** {@code DATE '2026-12-02'}, {@code TIMESTAMP '...'}: an SQL literal of a date or time, whose text is the value. */
    private static final java.util.regex.Pattern TYPED_LITERAL = java.util.regex.Pattern.compile("[A-Z ]+ '(.*)'");

    /**
     * A bound value as a JSON value, not an SQL literal: numbers and booleans as themselves, SQL NULL as
     * {@code null}, text as a string of the text itself, dates and times as strings of their ISO text; what
     * is too long or not read (streams, LOBs, bytes) as the summary string the text log shows.
     */
    static void jsonValue(StringBuilder json, Object value, int maxValueLength) {
        if (value == Literals.NULL) {
            json.append("null");
        } else if (value instanceof Boolean) {
            json.append(value);
        } else if (value instanceof String && ((String) value).length() <= maxValueLength) {
            string(json, (String) value);
        } else if (value instanceof Character) {
            string(json, value.toString());
        } else {
            String literal = Literals.render(value, maxValueLength);
            if (value instanceof Number && !literal.startsWith("<") && !literal.startsWith("'")) {
                json.append(literal);
                return;
            }
            java.util.regex.Matcher typed = literal.endsWith("'") ? TYPED_LITERAL.matcher(literal) : null;
            if (typed != null && typed.matches()) {
                string(json, typed.group(1));
            } else if (literal.length() >= 2 && literal.startsWith("'") && literal.endsWith("'")) {
                // a quoted SQL literal (NaN, an application type's text): the text inside
                string(json, literal.substring(1, literal.length() - 1).replace("''", "'"));
            } else {
                string(json, literal);
            }
        }
    }

    static void string(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
            return;
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
