package dev.retort.it.cdi;

/** The container-managed session scenarios on H2 (XA), Weld SE and Narayana. */
class CdiTransactionsTest extends CdiTransactionScenarios {
    @Override
    Class<?> poolBean() {
        return H2Pool.class;
    }
}
