package dev.retort.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

class SqliteProxyTest extends ProxyContractSuite {

    @Override
    String rawUrl() {
        return "jdbc:sqlite:target/retort-proxy-contract.db";
    }

    @Override
    String prefix() {
        return "sqlite";
    }

    @Override
    String binaryType() {
        return "BLOB";
    }

    @Override
    String identityColumn() {
        return "id INTEGER PRIMARY KEY AUTOINCREMENT";
    }

    @Override
    Class<?> vendorConnectionClass() {
        return org.sqlite.SQLiteConnection.class;
    }

    @Override
    Class<?> vendorStatementClass() {
        return org.sqlite.core.CorePreparedStatement.class;
    }

    /**
     * MySQL scripts write dates as '1995-09-04'; sqlite-jdbc reads date text with its one pattern
     * (a date and a time) and fails on a date alone, so the proxy reads such ISO text itself after the driver failed.
     */
    @Test
    void datesAndTimesWrittenAsIsoTextAreReadThroughTheProxy() throws SQLException {
        try (Connection raw = raw(); Statement statement = raw.createStatement()) {
            createVisits(statement);
            try (ResultSet rows = statement.executeQuery("SELECT day, at FROM rp_sqlite_visits")) {
                rows.next();
                assertThatThrownBy(() -> rows.getDate(1)).as("the raw driver").isInstanceOf(SQLException.class)
                        .hasMessage("Error parsing date");
            }
        }
        try (Connection proxied = proxied(); Statement statement = proxied.createStatement();
             ResultSet rows = statement.executeQuery("SELECT day, at, hour, note FROM rp_sqlite_visits")) {
            rows.next();
            assertThat(rows.getDate(1)).isEqualTo(Date.valueOf("1995-09-04"));
            assertThat(rows.getDate("day")).isEqualTo(Date.valueOf("1995-09-04"));
            assertThat(rows.getTimestamp(1)).isEqualTo(Timestamp.valueOf("1995-09-04 00:00:00"));
            assertThat(rows.getTimestamp("at")).isEqualTo(Timestamp.valueOf("2020-01-02 03:04:05"));
            assertThat(rows.getTime(3)).isEqualTo(Time.valueOf("07:08:09"));
            Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            assertThat(rows.getTimestamp(2, utc).toInstant()).hasToString("2020-01-02T03:04:05Z");
            assertThat(rows.getDate("day", utc).getTime()).isEqualTo(810_172_800_000L);
            assertThatThrownBy(() -> rows.getDate(4)).as("text that is no date keeps the driver's error")
                    .isInstanceOf(SQLException.class).hasMessage("Error parsing date");
        }
    }

    /** The other five of the twelve date and time getters: by label, and with a calendar giving the zone. */
    @Test
    void everyDateAndTimeGetterReadsIsoText() throws SQLException {
        try (Connection raw = raw(); Statement statement = raw.createStatement()) {
            createVisits(statement);
        }
        try (Connection proxied = proxied(); Statement statement = proxied.createStatement();
             ResultSet rows = statement.executeQuery("SELECT day, at, hour, note FROM rp_sqlite_visits")) {
            rows.next();
            Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            assertThat(rows.getDate(1, utc).getTime()).isEqualTo(810_172_800_000L);
            assertThat(rows.getTime("hour")).isEqualTo(Time.valueOf("07:08:09"));
            assertThat(rows.getTime(3, utc).getTime()).as("07:08:09 UTC on 1970-01-01").isEqualTo(25_689_000L);
            assertThat(rows.getTime("hour", utc).getTime()).isEqualTo(25_689_000L);
            assertThat(rows.getTimestamp("day", utc).toInstant()).hasToString("1995-09-04T00:00:00Z");
            assertThatThrownBy(() -> rows.getTime("note", utc)).as("text that is no time keeps the driver's error")
                    .isInstanceOf(SQLException.class).hasMessage("Error parsing time");
        }
    }

    /** A table as a MySQL script fills it: dates and times as ISO text. */
    private static void createVisits(Statement statement) throws SQLException {
        statement.executeUpdate("DROP TABLE IF EXISTS rp_sqlite_visits");
        statement.executeUpdate("CREATE TABLE rp_sqlite_visits (day DATE, at DATETIME, hour TIME, note TEXT)");
        statement.executeUpdate("INSERT INTO rp_sqlite_visits VALUES ('1995-09-04', '2020-01-02 03:04:05', '07:08:09', "
                + "'next week')");
    }
}
