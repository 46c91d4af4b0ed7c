package dev.retort.it.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import dev.retort.Session;
import dev.retort.it.cdi.model.Item;

/** A second bean with its own {@code @Inject Session}, called by {@link ItemService}. */
@ApplicationScoped
public class ItemAuditor {
    @Inject
    Session session;

    @Transactional(TxType.MANDATORY)
    public Item find(long id) {
        return session.get(Item.class, id);
    }

    /** Adds in a transaction of its own; tells whether its session holds the caller's object. */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean addInNewTransaction(String code, Item callersItem) {
        session.add(new Item(code));
        return session.contains(callersItem);
    }
}
