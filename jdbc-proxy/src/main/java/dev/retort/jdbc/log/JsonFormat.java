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
        string(json.append(",\"sql\":"), record.sql());
        if (!record.sentSql().equals(record.sql())) {
            string(json.append(",\"sentSql\":"), record.sentSql());
        }
        parameters(json, record, params);
        SQLException failure = record.failure();
        if (failure != null) {
            string(json.append(",\"sqlState\":"), failure.getSQLState());
            json.append(",\"errorCode\":").append(failure.getErrorCode());
            string(json.append(",\"error\":"), failure.getMessage());
        }
        if (record.caller() != null) {
            string(json.append(",\"caller\":"), record.caller());
        }
        return json.append('}').toString();
    }

    private static void parameters(StringBuilder json, StatementRecord record, Params params) {
        if (params == Params.INLINE) {
            if (!record.parameters().isEmpty()) {
                string(json.append(",\"inlined\":"), record.inlinedSql());
            }
        } else if (params == Params.MASK) {
            json.append(",\"maskedParams\":").append(record.parameterCount());
        } else {
            json.append(",\"params\":[");
            List<List<String>> sets = record.parameters();
            for (int i = 0; i < sets.size(); i++) {
                json.append(i == 0 ? "[" : ",[");
                List<String> set = sets.get(i);
                for (int j = 0; j < set.size(); j++) {
                    string(json.append(j == 0 ? "" : ","), set.get(j));
                }
                json.append(']');
            }
            json.append(']');
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
