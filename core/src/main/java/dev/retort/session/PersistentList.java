package dev.retort.session;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.retort.mapping.RelationshipModel;

/** The {@code List} Retort puts in a to-many field of an object it loads: loads its elements on first use. */
final class PersistentList extends AbstractList<Object> implements LazyCollection {
    private final CollectionLoading loading;
    private final List<Object> elements = new ArrayList<>();

    PersistentList(CollectionLoading loading) {
        this.loading = loading;
    }

    private List<Object> elements() {
        loading.ensureLoaded(elements);
        return elements;
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
    public boolean loaded() {
        return loading.loaded;
    }

    @Override
    public void fill(Collection<?> loaded) {
        elements.clear();
        elements.addAll(loaded);
        loading.loaded = true;
    }

    @Override
    public RelationshipModel relationship() {
        return loading.relationship();
    }

    @Override
    public Collection<Object> peek() {
        return loading.loaded ? elements : List.of();
    }

    @Override
    public String toString() {
        return loading.loaded ? elements.toString() : "[not loaded: " + loading.relationship() + "]";
    }
}
