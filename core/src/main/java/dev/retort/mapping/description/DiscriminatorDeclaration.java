package dev.retort.mapping.description;

import java.util.Optional;

import dev.retort.sql.Column;

/**
 * What an entity class itself declares about a discriminator, read whether or not it turns out to be in a
 * hierarchy (the hierarchy, known only from all the entities together, decides what applies).
 *
 * @param column     its {@code @DiscriminatorColumn}, as the column it names; empty without one
 * @param value      its {@code @DiscriminatorValue}; empty without one
 * @param entityName its entity name ({@code @Entity(name)}, else the simple class name): the default value
 */
public record DiscriminatorDeclaration(Optional<Column> column, Optional<String> value, String entityName) {
}
