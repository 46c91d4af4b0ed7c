package dev.retort.it.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.transaction.RollbackException;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.retort.ConstraintViolationException;
import dev.retort.InvalidRequestException;
import dev.retort.TransactionRequiredException;
import dev.retort.it.ExpectedLog;
import dev.retort.it.cdi.model.Item;

/**
 * The container-managed session scenarios of the CDI integration, on one Weld SE container with Narayana
 * and an Agroal XA pool per database (subclasses choose the pool). Each scenario checks the rows with
 * plain JDBC, not through Retort.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CdiTransactionScenarios {
    private WeldContainer container;
    private ItemService service;
    private DataSource dataSource;

    /** The producer of the application's DataSource bean. */
    abstract Class<?> poolBean();

    /** Skips the class when its database is not available. */
    void assumeDatabase() {
    }

    @BeforeAll
    void boot() {
        assumeDatabase();
        System.setProperty("retort.schema-management.strategy", "drop-and-create");
        try {
            container = WeldContainers.start("retort-" + getClass().getSimpleName(), poolBean(), ItemService.class,
                    ItemAuditor.class, Item.class);
        } finally {
            System.clearProperty("retort.schema-management.strategy");
        }
        service = container.select(ItemService.class).get();
        dataSource = container.select(DataSource.class).get();
    }

    @AfterAll
    void shutdown() {
        if (container != null) {
            container.shutdown();
        }
    }

    @BeforeEach
    void emptyTable() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM cdi_items");
        }
    }

    @Test
    void committedTransactionWritesItsObjects() throws SQLException {
        Item item = service.add("committed");

        assertThat(codesInDatabase()).containsExactly("committed");
        assertThat(item.id).as("the flush before completion assigned the id").isNotNull();
    }

    @Test
    void aReadOnlyMarkWithoutReplicasRunsOnThePrimaryLikeAnyTransaction() throws SQLException {
        service.addMarkedReadOnly("marked");

        assertThat(codesInDatabase()).containsExactly("marked");
    }

    @Test
    void runtimeExceptionRollsBackAndLeavesNothingWritten() throws SQLException {
        Item item = new Item("thrown");

        assertThatThrownBy(() -> service.addThenFail(item))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Failing after writing thrown");

        assertThat(codesInDatabase()).isEmpty();
        assertThat(item.id).as("the rollback gives the object back its unsaved state").isNull();
    }

    @Test
    void setRollbackOnlyRollsBack() throws SQLException {
        service.addThenSetRollbackOnly("marked");

        assertThat(codesInDatabase()).isEmpty();
    }

    @Test
    void twoBeansInOneTransactionShareTheSession() throws SQLException {
        Item[] addedAndFound = service.addAndFindElsewhere("shared");

        assertThat(addedAndFound[1]).as("the second bean gets the first bean's instance from the identity map")
                .isSameAs(addedAndFound[0]);
        assertThat(codesInDatabase()).containsExactly("shared");
    }

    @Test
    void requiresNewGetsItsOwnSessionAndCommitsIndependently() throws SQLException {
        ItemService.InnerResult result = (ItemService.InnerResult) catchThrowable(
                () -> service.addWithInnerTransactionThenFail("outer", "inner"));

        assertThat(result.innerSawOuter).as("the inner transaction's session holds the outer's object").isFalse();
        assertThat(codesInDatabase()).containsExactly("inner");
    }

    @Test
    void notSupportedReadsInTheRequestsReadOnlySession() {
        Item added = service.add("read");

        Item[] read = service.readTwiceNotSupported(added.id);

        assertThat(read[0].code).isEqualTo("read");
        assertThat(read[1]).as("one session for the whole request").isSameAs(read[0]);
        assertThat(read[0]).as("not the committed transaction's instance").isNotSameAs(added);
    }

    @Test
    void readOutsideTransactionAndRequestUsesASessionPerCall() {
        Item added = service.add("per-call");

        Item[] read = service.readTwiceWithoutRequest(added.id);

        assertThat(read[0].code).isEqualTo("per-call");
        assertThat(read[1].code).isEqualTo("per-call");
        assertThat(read[1]).as("each call has a session of its own").isNotSameAs(read[0]);
        assertThat(service.allByCode()).extracting(item -> item.code).containsExactly("per-call");
    }

    @Test
    void writeOutsideTransactionIsRefused() throws SQLException {
        assertThatThrownBy(() -> service.addWithoutTransaction("refused"))
                .isInstanceOf(TransactionRequiredException.class)
                .hasMessage("Cannot add Item: no transaction is active, so this injected session only reads. To fix this, "
                        + "annotate the calling method (or its class) with @jakarta.transaction.Transactional.");

        assertThat(codesInDatabase()).isEmpty();
    }

    @Test
    void commitOnTheInjectedSessionIsRefusedAndRollsBack() throws SQLException {
        assertThatThrownBy(() -> service.addThenCommit("self-committed"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("session.commit() is not allowed on a container-managed session: the container owns the "
                        + "transaction. To fix this, remove the call and let @jakarta.transaction.Transactional commit when "
                        + "the method returns (throw an exception or call setRollbackOnly() to roll back).");

        assertThat(codesInDatabase()).isEmpty();
    }

    @Test
    void closeOnTheInjectedSessionIsRefused() {
        assertThatThrownBy(() -> service.closeInjectedSession())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("session.close() is not allowed on an injected session: the container closes it when the "
                        + "transaction or request ends. To fix this, remove the call (and do not put the injected session "
                        + "in a try-with-resources block).");
    }

    @Test
    void fiftyConcurrentTransactionsLoseAndDuplicateNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> transactions = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        try {
            for (int transaction = 0; transaction < 50; transaction++) {
                String[] codes = new String[4];
                for (int row = 0; row < codes.length; row++) {
                    codes[row] = String.format("t%02d-r%d", transaction, row);
                    expected.add(codes[row]);
                }
                transactions.add(pool.submit(() -> service.addAll(codes)));
            }
            for (Future<?> transaction : transactions) {
                transaction.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(codesInDatabase()).containsExactlyElementsOf(expected);
    }

    @Test
    void failedFlushBeforeCompletionRollsBackAndTheCallerSeesTheCause() throws SQLException {
        service.add("taken");

        Throwable error;
        try (ExpectedLog narayana = ExpectedLog.capture("com.arjuna")) {
            error = catchThrowable(() -> service.addAll("fresh", "taken"));
            assertThat(narayana.warnings()).singleElement().asString().startsWith(
                    "WARN ARJUNA012125: TwoPhaseCoordinator.beforeCompletion - failed for SynchronizationImple< ");
        }

        // Narayana's interceptor rethrows the commit's RollbackException; the flush's error is its cause.
        assertThat(error).isInstanceOf(RollbackException.class).hasMessage("ARJUNA016053: Could not commit transaction.")
                .cause().isInstanceOf(ConstraintViolationException.class);
        ConstraintViolationException cause = (ConstraintViolationException) error.getCause();
        assertThat(cause).hasMessage(duplicateCodeMessage(cause));
        assertThat(codesInDatabase()).containsExactly("taken");
    }

    /** The whole message of the duplicate "taken" insert; the driver's own text comes from the SQLException. */
    String duplicateCodeMessage(ConstraintViolationException error) {
        return "Flush failed: the INSERT of Item violated a unique constraint: " + error.getCause().getMessage().trim()
                + " [SQL: INSERT INTO cdi_items (code) VALUES (?)]. The JTA transaction was marked for rollback: nothing "
                + "it wrote will be committed. To fix this, let the container roll this transaction back and retry in a "
                + "new one: correct the data, and add the objects again.";
    }

    private List<String> codesInDatabase() throws SQLException {
        List<String> codes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT code FROM cdi_items ORDER BY code")) {
            while (rows.next()) {
                codes.add(rows.getString(1));
            }
        }
        return codes;
    }
}
