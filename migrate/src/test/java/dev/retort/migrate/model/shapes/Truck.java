package dev.retort.migrate.model.shapes;

import jakarta.persistence.Entity;

/** A subclass whose column lives in {@link Vehicle}'s table. */
@Entity
public class Truck extends Vehicle {
    public Integer load;

    protected Truck() {
    }
}
