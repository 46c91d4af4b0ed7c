package dev.retort.session.state;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

import dev.retort.session.SessionImpl;

/** The {@code List} Retort puts in a to-many field of an object it loads: loads its elements on first use. */
public final class PersistentList extends AbstractList<Object> implements LazyCollection {
    private final CollectionLoading loading;

    public PersistentList(SessionImpl session, Object owner, dev.retort.mapping.RelationshipModel relationship, boolean raise) {
        this.loading = new CollectionLoading(session, owner, relationship, raise, new ArrayList<>());
    }

    private List<Object> elements() {
        return (List<Object>) loading.elements();
    }

    @Override
    public CollectionLoading loading() {
        return loading;
    }

    @Override
    public Object get(int index) {
        return elements().get(index);
    }

    @Override
    public int size() {
        return elements().size();
    }

    // Every change goes through set, add and remove (AbstractList builds the others on them, sort and iterators too).

    @Override
    public Object set(int index, Object element) {
        Object previous = elements().set(index, element);
        loading.changed();
        return previous;
    }

    @Override
    public void add(int index, Object element) {
        elements().add(index, element);
        modCount++;
        loading.changed();
    }

    @Override
    public Object remove(int index) {
        modCount++;
        Object removed = elements().remove(index);
        loading.changed();
        return removed;
    }

    @Override
    public String toString() {
        return loading.describe();
    }
}
