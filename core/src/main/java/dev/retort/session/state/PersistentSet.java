package dev.retort.session.state;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashSet;

import dev.retort.session.SessionImpl;

/** The {@code Set} Retort puts in a to-many field of an object it loads: loads its elements on first use. */
public final class PersistentSet extends AbstractSet<Object> implements LazyCollection {
    private final CollectionLoading loading;

    public PersistentSet(SessionImpl session, Object owner, dev.retort.mapping.RelationshipModel relationship, boolean raise) {
        this.loading = new CollectionLoading(session, owner, relationship, raise, new LinkedHashSet<>());
    }

    @Override
    public CollectionLoading loading() {
        return loading;
    }

    @Override
    public Iterator<Object> iterator() {
        return loading.elements().iterator();
    }

    @Override
    public int size() {
        return loading.elements().size();
    }

    @Override
    public boolean contains(Object element) {
        return loading.elements().contains(element);
    }

    @Override
    public boolean add(Object element) {
        return loading.elements().add(element);
    }

    @Override
    public boolean remove(Object element) {
        return loading.elements().remove(element);
    }

    @Override
    public String toString() {
        return loading.describe();
    }
}
