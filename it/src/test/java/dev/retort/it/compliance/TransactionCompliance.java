package dev.retort.it.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.retort.ConstraintViolationException;
import dev.retort.InvalidRequestException;
import dev.retort.Isolation;
import dev.retort.PendingRollbackException;
import dev.retort.Session;
import dev.retort.StaleObjectException;
import dev.retort.Transaction;
import dev.retort.it.model.Account;
import dev.retort.it.model.User;

/** Transactions, savepoints, failed flushes and optimistic locking, the same on every database. */
abstract class TransactionCompliance extends DatabaseTest {
    private static final String ACCOUNT_INSERT = "INSERT INTO accounts (email, owner, balance, version) VALUES (?, ?, ?, ?)";

    @Test
    void rollbackForgetsNewObjectsAndRestoresChangedOnes() {
        try (Session session = sessions.open()) {
            session.add(new User("Alice", 30));
            session.commit();
            User alice = session.query(User.class).filterBy("name", "Alice").one();
            User bob = new User("Bob", 25);
            session.add(bob);
            alice.age = 31;
            session.flush();
            assertThat(bob.id).isNotNull();
            alice.name = "Unflushed";
            session.rollback();
            assertThat(session.contains(bob)).isFalse();
            assertThat(bob.id).as("generated id taken back").isNull();
            assertThat(alice.age).isEqualTo(30);
            assertThat(alice.name).isEqualTo("Alice");
            assertThat(session.contains(alice)).isTrue();
            session.commit();
            assertThat(sql.takeStatements()).filteredOn(line -> line.startsWith("UPDATE")).hasSize(1);
        }
        assertThat(rows("SELECT name, age FROM users")).containsExactly(List.of("Alice", "30"));
    }

    @Test
    void explicitTransactionCommitsOrRollsBackOnClose() {
        try (Session session = sessions.open()) {
            try (Transaction tx = session.begin()) {
                session.addAll(new User("Bob", 25), new User("Carol", 28));
                tx.commit();
                assertThat(tx.isActive()).isFalse();
            }
            try (Transaction tx = session.begin()) {
                session.add(new User("Dave", 40));
                session.flush();
                assertThat(tx.isActive()).isTrue();
            }
            assertThat(session.inTransaction()).isFalse();
            assertThat(session.query(User.class).count()).as("autobegins").isEqualTo(2L);
            assertThatThrownBy(session::begin)
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("A transaction is already active on this session (it began on first use). To fix this, "
                            + "commit or roll it back first, or use session.beginNested() for a SAVEPOINT.");
        }
        assertThat(rows("SELECT name FROM users ORDER BY name")).containsExactly(List.of("Bob"), List.of("Carol"));
    }

    @Test
    void nestedTransactionsRollBackToTheirSavepoint() {
        try (Session session = sessions.open()) {
            User alice = new User("Alice", 30);
            session.add(alice);
            try (Transaction nested = session.beginNested()) {
                session.add(new User("Bob", 25));
                alice.age = 31;
                session.flush();
                nested.rollback();
            }
            assertThat(alice.age).as("state at the savepoint").isEqualTo(30);
            assertThat(session.query(User.class).count()).isEqualTo(1L);
            try (Transaction nested = session.beginNested()) {
                session.add(new User("Carol", 28));
                alice.age = 32;
                nested.commit();
            }
            try (Transaction nested = session.beginNested()) {
                session.add(new User("Never", 1));
            }
            session.commit();
        }
        assertThat(rows("SELECT name, age FROM users ORDER BY name"))
                .containsExactly(List.of("Alice", "32"), List.of("Carol", "28"));
    }

    @Test
    void aRollbackAfterACommittedSavepointRestoresTheStateBeforeTheTransaction() {
        try (Session session = sessions.open()) {
            session.add(new User("Alice", 30));
            session.commit();
            User alice = session.query(User.class).filterBy("name", "Alice").one();
            alice.age = 31;
            session.flush();
            try (Transaction nested = session.beginNested()) {
                alice.age = 32;
                session.flush();
                nested.commit();
            }
            alice.age = 33;
            session.flush();
            session.rollback();
            assertThat(alice.age).as("the state before the transaction, not the one before the savepoint").isEqualTo(30);
            assertThat(session.query(User.class).one().age).isEqualTo(30);
        }
        assertThat(rows("SELECT name, age FROM users")).containsExactly(List.of("Alice", "30"));
    }

    @Test
    void aFailedFlushWritesNothingAndTheSessionRecoversAfterRollback() {
        try (Session session = sessions.open()) {
            session.add(new Account("ann@example.com", "ann", 10));
            session.commit();
            Account ann = session.query(Account.class).filterBy("owner", "ann").one();
            ann.balance = 20;
            session.addAll(new Account("bob@example.com", "bob", 1), new Account("ann@example.com", "impostor", 2),
                    new Account("cid@example.com", "cid", 3));
            ConstraintViolationException error = catchThrowableOfType(ConstraintViolationException.class, session::commit);
            assertThat(error).hasMessage("Flush failed: the INSERT of Account violated a unique constraint: "
                    + error.getCause().getMessage().trim() + " [SQL: " + generatedKeyInsert(ACCOUNT_INSERT, 1) + "]. "
                    + "The transaction was rolled back: nothing of this flush, nor of earlier flushes in the same transaction, "
                    + "remains in the database. To fix this, call session.rollback(), correct the data, and add the objects again.");
            assertThat(error.getCause()).isInstanceOf(java.sql.SQLException.class);
            assertThat(count("accounts")).isEqualTo(1);
            assertThat(rows("SELECT balance FROM accounts")).containsExactly(List.of("10"));

            assertThatThrownBy(() -> session.query(Account.class).all())
                    .isInstanceOf(PendingRollbackException.class)
                    .hasMessage("This session's transaction was rolled back because a flush failed (ConstraintViolationException: "
                            + error.getMessage() + "). To fix this, call session.rollback() (or rollback() on the failed nested "
                            + "transaction) before using the session again.")
                    .hasCause(error);
            session.rollback();
            assertThat(ann.balance).as("back to the database's state").isEqualTo(10);
            session.add(new Account("dan@example.com", "dan", 4));
            session.commit();
        }
        assertThat(rows("SELECT owner FROM accounts ORDER BY owner")).containsExactly(List.of("ann"), List.of("dan"));
    }

    @Test
    void aNotNullViolationIsExplainedToo() {
        try (Session session = sessions.open()) {
            session.add(new Account("eve@example.com", null, 1));
            ConstraintViolationException error = catchThrowableOfType(ConstraintViolationException.class, session::flush);
            assertThat(error).hasMessage("Flush failed: the INSERT of Account violated a NOT NULL constraint: "
                    + error.getCause().getMessage().trim() + " [SQL: " + generatedKeyInsert(ACCOUNT_INSERT, 1) + "]. "
                    + "The transaction was rolled back: nothing of this flush, nor of earlier flushes in the same transaction, "
                    + "remains in the database. To fix this, call session.rollback(), correct the data, and add the objects again.");
            session.rollback();
            assertThat(session.query(Account.class).count()).isZero();
        }
    }

    @Test
    void aFailureInsideASavepointKeepsTheOuterTransaction() {
        try (Session session = sessions.open()) {
            session.add(new Account("ann@example.com", "ann", 10));
            session.flush();
            Transaction nested = session.beginNested();
            session.add(new Account("ann@example.com", "again", 1));
            ConstraintViolationException error = catchThrowableOfType(ConstraintViolationException.class, session::flush);
            assertThat(error.getMessage()).endsWith("The nested transaction was rolled back to its savepoint: nothing written "
                    + "since the savepoint remains. To fix this, call rollback() on the nested transaction, correct the data, "
                    + "and add the objects again.");
            nested.rollback();
            session.add(new Account("bob@example.com", "bob", 2));
            session.commit();
        }
        assertThat(rows("SELECT owner FROM accounts ORDER BY owner")).containsExactly(List.of("ann"), List.of("bob"));
    }

    @Test
    void versionsDetectLostUpdates() {
        try (Session session = sessions.open()) {
            session.add(new Account("ann@example.com", "ann", 10));
            session.commit();
        }
        try (Session first = sessions.open(); Session second = sessions.open()) {
            Account mine = first.query(Account.class).filterBy("owner", "ann").one();
            Account theirs = second.query(Account.class).filterBy("owner", "ann").one();
            second.commit();
            assertThat(mine.version).isZero();
            mine.balance = 11;
            first.commit();
            assertThat(mine.version).isEqualTo(1);
            theirs.balance = 12;
            StaleObjectException error = catchThrowableOfType(StaleObjectException.class, second::commit);
            assertThat(error).hasMessage("The UPDATE of Account#" + mine.id + " matched 0 rows instead of 1: its row no longer "
                    + "has version 0, so another transaction changed or deleted it since this session loaded it. The transaction "
                    + "was rolled back: nothing of this flush, nor of earlier flushes in the same transaction, remains in the "
                    + "database. To fix this, call session.rollback(), load the object again (session.get or session.refresh) "
                    + "and apply the change to the fresh state.");
            second.rollback();
            second.refresh(theirs);
            assertThat(theirs.balance).isEqualTo(11);
            theirs.balance = 12;
            second.commit();
            assertThat(theirs.version).isEqualTo(2);
        }
        assertThat(rows("SELECT balance, version FROM accounts")).containsExactly(List.of("12", "2"));
    }

    @Test
    void deletingARowSomeoneElseDeletedIsStale() {
        try (Session session = sessions.open()) {
            session.add(new User("Alice", 30));
            session.commit();
            User alice = session.query(User.class).one();
            session.commit();
            execute("DELETE FROM users");
            alice.age = 31;
            assertThatThrownBy(session::commit)
                    .isInstanceOf(StaleObjectException.class)
                    .hasMessage("The UPDATE of User#" + alice.id + " matched 0 rows instead of 1: another transaction deleted "
                            + "its row since this session loaded it. The transaction was rolled back: nothing of this flush, nor "
                            + "of earlier flushes in the same transaction, remains in the database. To fix this, call "
                            + "session.rollback(), load the object again (session.get or session.refresh) and apply the change "
                            + "to the fresh state.");
        }
    }

    @Test
    void isolationLevelsAreAccepted() {
        Isolation level = engine.dialect().name().equals("sqlite") ? Isolation.SERIALIZABLE : Isolation.REPEATABLE_READ;
        try (Session session = sessions.open(level)) {
            session.add(new User("Alice", 30));
            session.commit();
            assertThat(session.query(User.class).count()).isEqualTo(1L);
        }
    }
}
