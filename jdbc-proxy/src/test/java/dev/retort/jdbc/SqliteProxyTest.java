package dev.retort.jdbc;

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
}
