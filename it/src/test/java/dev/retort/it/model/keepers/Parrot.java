package dev.retort.it.model.keepers;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("parrot")
public class Parrot extends Pet {
    protected Parrot() {
    }

    public Parrot(String name, Keeper keeper) {
        super(name, keeper);
    }
}
