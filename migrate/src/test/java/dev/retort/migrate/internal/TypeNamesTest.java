package dev.retort.migrate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One spelling per type, and which changes widen; no database. */
class TypeNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CHARACTER VARYING(40)|VARCHAR(40)", "int8|BIGINT", "DOUBLE PRECISION|DOUBLE", "DATETIME(6)|TIMESTAMP",
            "TIME(6)|TIME", "NUMERIC(12, 3)|DECIMAL(12, 3)", "timestamptz|TIMESTAMP WITH TIME ZONE",
            "CHARACTER LARGE OBJECT|CLOB", "BINARY VARYING(1000000)|VARBINARY(1000000)", "bpchar(36)|CHAR(36)"})
    void aliasesBecomeOneName(String ddl, String canonical) {
        assertThat(TypeNames.ofDdl(ddl, true)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "VARCHAR(50)|VARCHAR(120)|true", "VARCHAR(120)|VARCHAR(50)|false", "INTEGER|BIGINT|true", "BIGINT|INTEGER|false",
            "REAL|DOUBLE|true", "DECIMAL(10, 2)|DECIMAL(12, 3)|true", "DECIMAL(10, 2)|DECIMAL(10, 3)|false",
            "VARCHAR(255)|TEXT|true", "TEXT|VARCHAR(255)|false", "CHAR(3)|VARCHAR(3)|true", "VARCHAR(3)|INTEGER|false",
            "TIMESTAMP|DATE|false"})
    void onlyChangesThatKeepEveryValueWiden(String from, String to, boolean widens) {
        assertThat(TypeNames.widens(from, to)).isEqualTo(widens);
    }
}
