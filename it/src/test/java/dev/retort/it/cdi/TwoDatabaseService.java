package dev.retort.it.cdi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import dev.retort.Session;
import dev.retort.it.cdi.model.Item;

/** Writes to H2 through Retort and to PostgreSQL through plain JDBC, in one JTA transaction. */
@ApplicationScoped
public class TwoDatabaseService {
    @Inject
    Session session;
    @Inject
    @Named("pg")
    DataSource postgres;

    @Transactional
    public void write(String code, boolean fail) throws SQLException {
        session.add(new Item(code));
        try (Connection connection = postgres.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO cdi_2pc_notes (code) VALUES (?)")) {
            insert.setString(1, code);
            insert.executeUpdate();
        }
        if (fail) {
            throw new IllegalStateException("Failing after writing " + code + " to both databases");
        }
    }
}
