package dev.retort.jdbc.translate;

import org.junit.jupiter.api.Test;

import java.sql.SQLSyntaxErrorException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Inputs {@link TranslatorFuzzTest} found ending in something other than an SQLException, kept as cases. */
class FuzzFindingsTest {

    /** Seed 20261202, index 68363: ArrayIndexOutOfBoundsException reading the type of a column that had none. */
    @Test
    void aColumnDefinitionWithoutATypeIsASyntaxError() {
        for (Dialect target : new Dialect[] {Dialect.SQLITE, Dialect.MYSQL, Dialect.MARIADB}) {
            for (String sql : new String[] {"CREATE TABLE t (id INT PRIMARY KEY, )", "CREATE TABLE t (id)",
                    "CREATE TABLE tr_m_headers (id INT PRIMARY ARRAY[KEYINT closed ,)"}) {
                assertThatThrownBy(() -> Translator.of(Dialect.POSTGRESQL, target, false, false).translate(sql))
                        .as("%s to %s", sql, target)
                        .isInstanceOf(SQLSyntaxErrorException.class)
                        .hasMessage("CREATE TABLE has a column definition without a type. To fix this, give every"
                                + " column a type and remove stray commas (the statement is not sent).");
            }
        }
    }
}
