package dev.retort.jdbc.translate.rewrite;

import java.sql.Connection;

/** One translation's access to the schema facts: remembers whether it used them and whether it saw DDL. */
public final class SchemaLookup {

    private final SchemaFacts facts;
    private final Connection connection;
    private boolean used;
    private boolean ddl;

    public SchemaLookup(SchemaFacts facts, Connection connection) {
        this.facts = facts;
        this.connection = connection;
    }

    public SchemaFacts.Table table(String name) {
        used = true;
        return facts.table(connection, name);
    }

    public void sawDdl() {
        ddl = true;
    }

    public boolean used() {
        return used;
    }

    public boolean ddl() {
        return ddl;
    }
}
