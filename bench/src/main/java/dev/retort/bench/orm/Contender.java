package dev.retort.bench.orm;

import java.util.List;

/**
 * One way of doing the four workloads against one database. Every method runs whole transactions and
 * returns what it produced, so that the harness can check it and nothing can be optimised away.
 */
interface Contender extends AutoCloseable {

    String name();

    /** W1: inserts the new users in one transaction; on return each has its generated id. */
    void insertAll(List<User> users);

    /** W1 with SEQUENCE ids; only called where {@link #supportsSequenceVariant()}. */
    default void insertAllWithSequence(List<SeqUser> users) {
        throw new UnsupportedOperationException(name() + " has no SEQUENCE variant");
    }

    default boolean supportsSequenceVariant() {
        return false;
    }

    /** W2: every row as an object, in one transaction. */
    List<User> loadAll();

    /** W6: every animal of the single-table hierarchy as an instance of its class, in one transaction. */
    List<BenchAnimal> loadAnimals();

    /** W3: each id by primary key, a new session (or pooled connection) and transaction per {@code perSession} ids. */
    List<User> getEach(long[] ids, int perSession);

    /** W4, untimed part: the first {@code count} users by id, loaded in an open transaction. */
    Loaded loadFirst(int count);

    /** Users loaded in an open transaction; {@link #commit()} writes the changes made to them and ends it. */
    interface Loaded {
        List<User> users();

        void commit();
    }

    @Override
    void close();
}
