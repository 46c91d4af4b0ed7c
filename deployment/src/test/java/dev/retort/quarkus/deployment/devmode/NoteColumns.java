package dev.retort.quarkus.deployment.devmode;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import dev.retort.Engine;

/** Shows the columns the database has for the note table, as the running application sees them. */
@Path("/note-columns")
public class NoteColumns {
    @Inject
    Engine engine;

    @GET
    public String columns() throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = engine.connect();
                ResultSet rows = connection.getMetaData().getColumns(null, null, "NOTE", null)) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME"));
            }
        }
        return String.join(",", columns);
    }
}
