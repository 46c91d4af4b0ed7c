package dev.retort.jdbc.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

/** Bound values in the JSON log are JSON values, not SQL literals. */
class JsonValuesTest {

    private static String json(Object value) {
        StringBuilder json = new StringBuilder();
        JsonFormat.jsonValue(json, value, 20);
        return json.toString();
    }

    @Test
    void numbersBooleansAndNullAreThemselves() {
        assertThat(json(42)).isEqualTo("42");
        assertThat(json(-7L)).isEqualTo("-7");
        assertThat(json(2.5d)).isEqualTo("2.5");
        assertThat(json(new BigDecimal("12.50"))).isEqualTo("12.50");
        assertThat(json(true)).isEqualTo("true");
        assertThat(json(Literals.NULL)).isEqualTo("null");
    }

    @Test
    void textIsAStringOfItselfAndDatesTheirIsoText() {
        assertThat(json("O'Brien \"Bob\"")).isEqualTo("\"O'Brien \\\"Bob\\\"\"");
        assertThat(json('x')).isEqualTo("\"x\"");
        assertThat(json(LocalDate.of(2026, 12, 2))).isEqualTo("\"2026-12-02\"");
        assertThat(json(LocalDateTime.of(2026, 12, 2, 23, 30))).isEqualTo("\"2026-12-02 23:30:00\"");
    }

    @Test
    void whatIsTooLongOrNotReadIsItsSummary() {
        assertThat(json("a much longer text than twenty")).isEqualTo("\"<String, 30 chars>\"");
        assertThat(json(new byte[16])).isEqualTo("\"<16 bytes>\"");
        assertThat(json(Double.NaN)).isEqualTo("\"NaN\"");
        assertThat(json(null)).as("never bound").isEqualTo("\"?\"");
    }
}
