package dev.retort.it.quarkus;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class UserApiH2Test extends UserApiContract {

    @Override
    String expectedLocation() {
        return "H2 through the Quarkus default datasource";
    }
}
