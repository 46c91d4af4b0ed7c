package dev.retort.it.quarkus;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(PostgresProfile.class)
@EnabledIfEnvironmentVariable(named = PostgresProfile.URL_VARIABLE, matches = ".+")
class UserApiPostgresIT extends UserApiContract {

    @Override
    String expectedLocation() {
        return "PostgreSQL through the Quarkus default datasource";
    }
}
