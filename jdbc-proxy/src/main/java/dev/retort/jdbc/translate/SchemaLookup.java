package dev.retort.jdbc.translate;

import java.sql.Connection;

/** One translation's access to the schema facts: remembers whether it used them and whether it saw DDL. */
final class SchemaLookup {

    private final SchemaFacts facts;
    private final Connection connection;
    private boolean used;
    private boolean ddl;

    SchemaLookup(SchemaFacts facts, Connection connection) {
        this.facts = facts;
        this.connection = connection;
    }

    SchemaFacts.Table table(String name) {
        used = true;
        return facts.table(connection, name);
    }

    void sawDdl() {
        ddl = true;
    }

    boolean used() {
        return used;
    }

    boolean ddl() {
        return ddl;
    }
}
