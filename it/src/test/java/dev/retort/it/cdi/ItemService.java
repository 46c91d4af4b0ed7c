package dev.retort.it.cdi;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import dev.retort.Session;
import dev.retort.cdi.ReadOnlyTransaction;
import dev.retort.it.cdi.model.Item;

/** An application service as users write them: an application-scoped bean with {@code @Inject Session}. */
@ApplicationScoped
public class ItemService {
    @Inject
    Session session;
    @Inject
    ItemAuditor auditor;
    @Inject
    TransactionSynchronizationRegistry registry;

    @Transactional
    public Item add(String code) {
        Item item = new Item(code);
        session.add(item);
        return item;
    }

    /** Marked read-only, on an engine without replicas: runs on the primary like any transaction. */
    @Transactional
    @ReadOnlyTransaction
    public Item addMarkedReadOnly(String code) {
        Item item = new Item(code);
        session.add(item);
        return item;
    }

    @Transactional
    public void addAll(String... codes) {
        for (String code : codes) {
            session.add(new Item(code));
        }
    }

    /** Adds, flushes (the row is written and the id assigned), then fails: the container rolls back. */
    @Transactional
    public void addThenFail(Item item) {
        session.add(item);
        session.flush();
        throw new IllegalStateException("Failing after writing " + item.code);
    }

    @Transactional
    public void addThenSetRollbackOnly(String code) {
        session.add(new Item(code));
        session.flush();
        registry.setRollbackOnly();
    }

    /** Adds an item and asks another bean, in the same transaction, for the same row. */
    @Transactional
    public Item[] addAndFindElsewhere(String code) {
        Item item = new Item(code);
        session.add(item);
        session.flush();
        return new Item[] {item, auditor.find(item.id)};
    }

    /** Adds {@code outer}, has the auditor add {@code inner} in its own transaction, then fails. */
    @Transactional
    public boolean[] addWithInnerTransactionThenFail(String outer, String inner) {
        Item item = new Item(outer);
        session.add(item);
        boolean innerSawOuter = auditor.addInNewTransaction(inner, item);
        throw new InnerResult(innerSawOuter);
    }

    /** Thrown to roll back the outer transaction while telling what the inner one saw. */
    public static final class InnerResult extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final boolean innerSawOuter;

        InnerResult(boolean innerSawOuter) {
            super("outer transaction fails on purpose");
            this.innerSawOuter = innerSawOuter;
        }
    }

    /** Reads by id twice with no transaction, in one request: the request's session gives the same instance. */
    @Transactional(TxType.NOT_SUPPORTED)
    @ActivateRequestContext
    public Item[] readTwiceNotSupported(long id) {
        if (session.inTransaction()) {
            throw new IllegalStateException("NOT_SUPPORTED should have suspended the transaction");
        }
        return new Item[] {session.get(Item.class, id), session.get(Item.class, id)};
    }

    /** No @Transactional and no request: each call reads in a session of its own. */
    public Item[] readTwiceWithoutRequest(long id) {
        return new Item[] {session.get(Item.class, id), session.get(Item.class, id)};
    }

    public List<Item> allByCode() {
        return session.query(Item.class).orderBy("code").all();
    }

    public void addWithoutTransaction(String code) {
        session.add(new Item(code));
    }

    @Transactional
    public void addThenCommit(String code) {
        session.add(new Item(code));
        session.commit();
    }

    @Transactional
    public void closeInjectedSession() {
        session.close();
    }
}
