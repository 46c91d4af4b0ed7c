package dev.retort.jdbc.log;

import dev.retort.jdbc.ProxyOptions.Params;
import dev.retort.jdbc.SqlEvent.Kind;

import java.sql.SQLException;
import java.util.Locale;

/**
 * {@code [conn 3] query 0.215 ms, 1 row fetched: SELECT name FROM users WHERE id = 42} — one line per
 * statement, plus a line per further parameter set of a batch.
 */
final class TextFormat {

    private TextFormat() {
    }

    static String format(StatementRecord record, Params params) {
        return append(new StringBuilder(128), record, params).toString();
    }

    /** Appends the record to {@code text}, for a writer that reuses one builder. */
    static StringBuilder append(StringBuilder text, StatementRecord record, Params params) {
        text.append("[conn ").append(record.connectionId()).append("] ")
                .append(record.kind().name().toLowerCase(Locale.ROOT));
        if (record.kind() == Kind.BATCH) {
            text.append(" of ").append(record.batchSize());
        }
        SQLException failure = record.failure();
        text.append(failure == null ? " " : " failed after ");
        millis(text, record.elapsedNanos()).append(" ms");
        rows(text, record);
        if (failure != null) {
            text.append(", SQLState ").append(failure.getSQLState()).append(", error code ")
                    .append(failure.getErrorCode()).append(", ")
                    .append(oneLine(record.capped(String.valueOf(failure.getMessage()))));
        }
        if (record.caller() != null) {
            text.append(", at ").append(record.caller());
        }
        if (isBareTransactionEvent(record)) {
            return text;
        }
        text.append(": ");
        statement(text, record, params);
        if (!record.sentSql().equals(record.sql())) {
            text.append("\n  sent: ").append(record.capped(record.sentSql()));
        }
        return text;
    }

    /** Drivers put line breaks in messages (H2 before the statement it quotes); a record's line keeps none. */
    private static String oneLine(String message) {
        return message.indexOf('\n') < 0 && message.indexOf('\r') < 0 ? message
                : message.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    private static void rows(StringBuilder text, StatementRecord record) {
        long rows = record.rows();
        if (rows < 0 || record.failure() != null) {
            return;
        }
        text.append(", ").append(rows).append(rows == 1 ? " row " : " rows ")
                .append(record.kind() == Kind.QUERY ? "fetched" : "affected");
    }

    private static boolean isBareTransactionEvent(StatementRecord record) {
        Kind kind = record.kind();
        return (kind == Kind.COMMIT || kind == Kind.ROLLBACK) && record.sql().equals(kind.name());
    }

    /** The SQL with its values, within retort.log.max-statement-length. */
    private static void statement(StringBuilder text, StatementRecord record, Params params) {
        CappedText statement = record.cappedText();
        if (params == Params.INLINE) {
            record.writeInlined(statement);
        } else if (params == Params.SEPARATE) {
            record.writeSeparate(statement);
        } else {
            statement.append(record.sql());
        }
        text.append(statement);
        if (params == Params.MASK) {
            int count = record.parameterCount();
            if (count > 0) {
                text.append(" | ").append(count).append(count == 1 ? " parameter" : " parameters").append(" masked");
            }
        }
    }

    /** Milliseconds with three decimals, without String.format's parsing on every record. */
    static StringBuilder millis(StringBuilder text, long nanos) {
        long micros = nanos / 1000;
        long fraction = micros % 1000;
        text.append(micros / 1000).append('.');
        if (fraction < 100) {
            text.append(fraction < 10 ? "00" : "0");
        }
        return text.append(fraction);
    }
}
