package dev.retort.bench.startup.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The entity classes by the path segment that names them in the REST API: /author, /book, ... Immutable. */
public final class Kinds {
    public static final List<Class<?>> ENTITIES = List.of(Author.class, Book.class, Category.class, Customer.class,
            Invoice.class, Product.class, Review.class, Shipment.class, Supplier.class, Warehouse.class);

    private static final Map<String, Class<?>> BY_KIND = ENTITIES.stream()
            .collect(Collectors.toUnmodifiableMap(type -> type.getSimpleName().toLowerCase(), Function.identity()));

    private Kinds() {
    }

    /** The entity class of a kind, if there is one. */
    public static Optional<Class<?>> entity(String kind) {
        return Optional.ofNullable(BY_KIND.get(kind));
    }
}
