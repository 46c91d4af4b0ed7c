package dev.retort.tutorial;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A row of {@code animals} with {@code type = 'dog'}. */
@Entity
@DiscriminatorValue("dog")
public class Dog extends Animal {
    String barkSound;

    protected Dog() {
    }

    public Dog(String name, String barkSound) {
        super(name);
        this.barkSound = barkSound;
    }

    @Override
    String details() {
        return ", bark_sound=" + barkSound;
    }
}
