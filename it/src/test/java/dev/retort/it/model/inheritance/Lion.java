package dev.retort.it.model.inheritance;

import jakarta.persistence.Entity;

/** A cat below a cat, with the default discriminator value (its entity name, "Lion"). */
@Entity
public class Lion extends Cat {
    public int maneLength;

    protected Lion() {
    }

    public Lion(String name, String meowSound, int maneLength) {
        super(name, meowSound);
        this.maneLength = maneLength;
    }
}
