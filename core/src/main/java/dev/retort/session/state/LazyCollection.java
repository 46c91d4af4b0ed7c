package dev.retort.session.state;

import java.util.Collection;

import dev.retort.mapping.RelationshipModel;

/**
 * What Retort's own collections (the ones it puts in to-many fields of loaded objects) have in common:
 * they belong to one object of one session, know their relationship, and load their elements on first
 * use, or refuse to ({@code Load.raise}, or a closed session). The state lives in {@link CollectionLoading}.
 */
public interface LazyCollection {
    CollectionLoading loading();

    /** Whether the elements are in memory. */
    default boolean loaded() {
        return loading().loaded;
    }

    /** Fills the collection with loaded elements (used by the loader; no change tracking). */
    default void fill(Collection<?> elements) {
        loading().fill(elements);
    }

    default RelationshipModel relationship() {
        return loading().relationship();
    }
}
