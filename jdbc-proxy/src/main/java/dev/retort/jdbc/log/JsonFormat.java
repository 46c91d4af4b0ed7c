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
        StringBuilder json = new StringBuilder(160);
        json.append("{\"conn\":").append(record.connectionId())
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
        return json.append('}').toString();
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
     * {@code "params":[["1","'a'"],...]} while the literals written stay within the statement's length;
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
            String literal = Literals.render(value, maxValueLength);
            String item = name == null ? literal : name + " => " + literal;
            budget -= item.length();
            string(json.append(firstInSet ? "" : ","), item);
            firstInSet = false;
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
