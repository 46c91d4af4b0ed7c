package dev.retort.jdbc.log;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LiteralsTest {

    @Test
    void rendersEachTypeAsTheSqlLiteralAReaderExpects() {
        assertThat(Literals.render("it's")).isEqualTo("'it''s'");
        assertThat(Literals.render('x')).isEqualTo("'x'");
        assertThat(Literals.render(Literals.NULL)).isEqualTo("NULL");
        assertThat(Literals.render(null)).isEqualTo("?");
        assertThat(Literals.render(42)).isEqualTo("42");
        assertThat(Literals.render(-7L)).isEqualTo("-7");
        assertThat(Literals.render(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(Literals.render(2.5d)).isEqualTo("2.5");
        assertThat(Literals.render(Double.NaN)).isEqualTo("'NaN'");
        assertThat(Literals.render(true)).isEqualTo("TRUE");
        assertThat(Literals.render(new byte[16])).isEqualTo("<16 bytes>");
        assertThat(Literals.render(UUID.fromString("123e4567-e89b-12d3-a456-426614174000")))
                .isEqualTo("'123e4567-e89b-12d3-a456-426614174000'");
    }

    @Test
    void rendersDatesAndTimesWithSecondsAndTheirZone() {
        assertThat(Literals.render(Date.valueOf("2024-02-29"))).isEqualTo("DATE '2024-02-29'");
        assertThat(Literals.render(Time.valueOf("08:05:00"))).isEqualTo("TIME '08:05:00'");
        assertThat(Literals.render(Timestamp.valueOf("2024-02-29 08:05:00.120"))).isEqualTo("TIMESTAMP '2024-02-29 08:05:00.12'");
        assertThat(Literals.render(LocalDate.of(2024, 1, 2))).isEqualTo("DATE '2024-01-02'");
        assertThat(Literals.render(LocalTime.of(23, 59))).isEqualTo("TIME '23:59:00'");
        assertThat(Literals.render(LocalDateTime.of(2024, 1, 2, 3, 4))).isEqualTo("TIMESTAMP '2024-01-02 03:04:00'");
        assertThat(Literals.render(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2))))
                .isEqualTo("TIMESTAMP WITH TIME ZONE '2024-01-02 03:04:05+02:00'");
        assertThat(Literals.render(Instant.parse("2024-01-02T03:04:05Z")))
                .isEqualTo("TIMESTAMP WITH TIME ZONE '2024-01-02 03:04:05Z'");
    }

    @Test
    void neverReadsStreams() {
        assertThat(Literals.render(new ByteArrayInputStream(new byte[3]))).isEqualTo("<stream>");
        assertThat(Literals.render(new StringReader("secret"))).isEqualTo("<character stream>");
    }

    @Test
    void inlinesOnlyRealPlaceholders() {
        Object[] values = {null, 1, "a?b", Literals.NULL};
        assertThat(inline("SELECT '?', \"col?\", `x?` FROM t -- why?\nWHERE a = ? /* ? */ AND b = ? AND c = ?"
                        + " AND d = ?", values))
                .isEqualTo("SELECT '?', \"col?\", `x?` FROM t -- why?\nWHERE a = 1 /* ? */ AND b = 'a?b' AND c = NULL"
                        + " AND d = ?");
        assertThat(inline("SELECT 'it''s ?' WHERE x = ?", new Object[] {null, 5}))
                .isEqualTo("SELECT 'it''s ?' WHERE x = 5");
    }

    private static String inline(String sql, Object[] values) {
        CappedText out = new CappedText(8192);
        SqlInliner.inline(sql, values, 1000, out);
        return out.toString();
    }
}
