package dev.retort.it.model.blog;

import jakarta.persistence.Entity;

@Entity
public class Parrot extends Pet {
    public String words;

    protected Parrot() {
    }

    public Parrot(String name, Owner owner, String words) {
        super(name, owner);
        this.words = words;
    }
}
