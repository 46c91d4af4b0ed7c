package dev.retort.it.model.keepers;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("rabbit")
public class Rabbit extends Pet {
    protected Rabbit() {
    }

    public Rabbit(String name, Keeper keeper) {
        super(name, keeper);
    }
}
