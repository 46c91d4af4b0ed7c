package dev.retort.it.model.inheritance;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/** A table-per-class hierarchy: an abstract root without a table, circles and squares with ids assigned. */
@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Shape {
    @Id
    public Long id;
    public String label;

    protected Shape() {
    }

    protected Shape(long id, String label) {
        this.id = id;
        this.label = label;
    }
}
