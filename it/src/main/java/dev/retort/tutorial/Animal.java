package dev.retort.tutorial;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Section 4.3 of the tutorial: single-table inheritance. Animals, cats and dogs share the table
 * {@code animals}; the column {@code type} says which class a row is (SQLAlchemy's {@code polymorphic_on}).
 */
@Entity
@Table(name = "animals")
@DiscriminatorColumn(name = "type")
@DiscriminatorValue("animal")
public class Animal {
    @Id
    @GeneratedValue
    Long id;
    @Column(nullable = false)
    String name;

    protected Animal() {
    }

    public Animal(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + "(name=" + name + details() + ")>";
    }

    String details() {
        return "";
    }
}
