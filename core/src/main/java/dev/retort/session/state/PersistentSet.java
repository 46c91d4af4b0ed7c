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

    // Every change goes through add, remove and the iterator's remove (AbstractSet builds the others on them).

    @Override
    public Iterator<Object> iterator() {
        Iterator<Object> elements = loading.elements().iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return elements.hasNext();
            }

            @Override
            public Object next() {
                return elements.next();
            }

            @Override
            public void remove() {
                elements.remove();
                loading.changed();
            }
        };
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
        boolean added = loading.elements().add(element);
        if (added) {
            loading.changed();
        }
        return added;
    }

    @Override
    public boolean remove(Object element) {
        boolean removed = loading.elements().remove(element);
        if (removed) {
            loading.changed();
        }
        return removed;
    }

    @Override
    public String toString() {
        return loading.describe();
    }
}
