package dev.retort.it.cdi.broken;

import jakarta.persistence.Entity;

/** A mapping mistake the extension must report at deployment: an entity without an @Id. */
@Entity
public class Unkeyed {
    public String name;

    protected Unkeyed() {
    }
}
