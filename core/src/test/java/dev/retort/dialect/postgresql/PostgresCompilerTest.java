package dev.retort.dialect.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.retort.dialect.DialectCompilerContract;
import dev.retort.sql.SqlType;
import dev.retort.sql.Statement;

class PostgresCompilerTest extends DialectCompilerContract {

    @Override
    protected List<String> longStringTypeNames() {
        return List.of("VARCHAR(4095)", "VARCHAR(4096)", "VARCHAR(16383)", "VARCHAR(16384)", "VARCHAR(2000000)", "TEXT", "TEXT");
    }


    @Override
    protected String dialectName() {
        return "postgresql";
    }

    @Override
    protected Map<SqlType, String> typeNames() {
        return changed(super.typeNames(), Map.of(SqlType.TINYINT, "SMALLINT", SqlType.BINARY, "BYTEA"));
    }

    @Override
    protected List<String> sizedTypeNames() {
        return List.of("VARCHAR(40)", "CHAR(3)", "DECIMAL(10, 4)", "BYTEA");
    }

    @Override
    protected List<String> sequenceStatements() {
        return List.of("CREATE SEQUENCE users_seq START WITH 1 INCREMENT BY 50", "DROP SEQUENCE IF EXISTS users_seq",
                "SELECT nextval('users_seq')");
    }

    @Override
    protected Map<String, String> quotedIdentifiers() {
        return Map.ofEntries(Map.entry("user", "\"user\""), Map.entry("order", "\"order\""),
                Map.entry("year", "\"year\""), Map.entry("UserAccount", "\"UserAccount\""),
                Map.entry("ORDERS", "\"ORDERS\""), Map.entry("2fa", "\"2fa\""), Map.entry("we\"ird", "\"we\"\"ird\""),
                Map.entry("first_name", "first_name"), Map.entry("_tmp", "_tmp"), Map.entry("lock", "lock"),
                Map.entry("ilike", "\"ilike\""));
    }

    @Test
    void nextValueOfQuotedSequenceKeepsItsQuotesInsideTheLiteral() {
        assertThat(dialect().compile(new Statement.NextValues("Invoice_seq", 1)).sql())
                .isEqualTo("SELECT nextval('\"Invoice_seq\"')");
        assertThat(dialect().compile(new Statement.NextValues("it's", 1)).sql())
                .isEqualTo("SELECT nextval('\"it''s\"')");
    }
}
