package dev.retort.it.cdi;

import dev.retort.it.TestDatabase;

/** The container-managed session scenarios on PostgreSQL (XA), Weld SE and Narayana. */
class CdiTransactionsPostgresIT extends CdiTransactionScenarios {
    @Override
    Class<?> poolBean() {
        return PostgresPool.class;
    }

    @Override
    void assumeDatabase() {
        TestDatabase.POSTGRESQL.assumeAvailable();
    }
}
