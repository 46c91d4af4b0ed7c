package dev.retort.jdbc;

import dev.retort.jdbc.support.ServerUrls;
import org.junit.jupiter.api.BeforeAll;

class MariaDbProxyIT extends ProxyContractSuite {

    private static String url;

    @BeforeAll
    static void requireServer() {
        url = ServerUrls.require("RETORT_TEST_MARIADB_URL");
    }

    @Override
    String rawUrl() {
        return url;
    }

    @Override
    String prefix() {
        return "maria";
    }

    @Override
    String binaryType() {
        return "VARBINARY(16)";
    }

    @Override
    String identityColumn() {
        return "id INTEGER AUTO_INCREMENT PRIMARY KEY";
    }

    @Override
    Class<?> vendorConnectionClass() {
        return org.mariadb.jdbc.Connection.class;
    }

    @Override
    Class<?> vendorStatementClass() {
        return org.mariadb.jdbc.Statement.class;
    }
}
