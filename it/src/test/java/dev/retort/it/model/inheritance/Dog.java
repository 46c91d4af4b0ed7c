package dev.retort.it.model.inheritance;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("dog")
public class Dog extends Animal {
    public String barkSound;

    protected Dog() {
    }

    public Dog(String name, String barkSound) {
        super(name);
        this.barkSound = barkSound;
    }
}
