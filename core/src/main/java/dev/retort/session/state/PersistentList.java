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

    @Override
    public Object set(int index, Object element) {
        return elements().set(index, element);
    }

    @Override
    public void add(int index, Object element) {
        elements().add(index, element);
        modCount++;
    }

    @Override
    public Object remove(int index) {
        modCount++;
        return elements().remove(index);
    }

    @Override
    public String toString() {
        return loading.describe();
    }
}
