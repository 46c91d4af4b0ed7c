package dev.retort.quarkus.deployment.recorded;

import jakarta.persistence.Entity;

/** A subclass with a table of its own and a primitive column. */
@Entity
public class Lion extends Animal {
    public int roars;
}
