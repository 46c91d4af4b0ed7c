package dev.retort.session;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.retort.mapping.RelationshipModel;

/** The {@code Set} Retort puts in a to-many field of an object it loads: loads its elements on first use. */
final class PersistentSet extends AbstractSet<Object> implements LazyCollection {
    private final CollectionLoading loading;
    private final Set<Object> elements = new LinkedHashSet<>();

    PersistentSet(CollectionLoading loading) {
        this.loading = loading;
    }

    private Set<Object> elements() {
        loading.ensureLoaded(elements);
        return elements;
    }

    @Override
    public Iterator<Object> iterator() {
        return elements().iterator();
    }

    @Override
    public int size() {
        return elements().size();
    }

    @Override
    public boolean contains(Object element) {
        return elements().contains(element);
    }

    @Override
    public boolean add(Object element) {
        return elements().add(element);
    }

    @Override
    public boolean remove(Object element) {
        return elements().remove(element);
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
