package dev.retort.it.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.retort.jdbc.RetortDriver;
import dev.retort.jdbc.SqlListener;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(ProxyDriverProfile.class)
class UserApiProxyDriverTest extends UserApiContract {

    @Test
    void theStatementsGoThroughTheProxy() {
        List<String> statements = new CopyOnWriteArrayList<>();
        SqlListener listener = event -> {
            if (event.sql() != null) {
                statements.add(event.sql());
            }
        };
        RetortDriver.addListener(listener);
        try {
            create("Erin " + UUID.randomUUID(), 60);
        } finally {
            RetortDriver.removeListener(listener);
        }
        assertThat(statements).anySatisfy(sql -> assertThat(sql).startsWithIgnoringCase("insert into users"));
    }

    @Override
    String expectedLocation() {
        return "H2 through the Quarkus default datasource";
    }
}
