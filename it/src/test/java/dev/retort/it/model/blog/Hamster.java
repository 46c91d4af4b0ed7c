package dev.retort.it.model.blog;

import jakarta.persistence.Entity;

@Entity
public class Hamster extends Pet {
    public int wheelSize;

    protected Hamster() {
    }

    public Hamster(String name, Owner owner, int wheelSize) {
        super(name, owner);
        this.wheelSize = wheelSize;
    }
}
