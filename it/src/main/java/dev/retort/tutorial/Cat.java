package dev.retort.tutorial;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A row of {@code animals} with {@code type = 'cat'}. */
@Entity
@DiscriminatorValue("cat")
public class Cat extends Animal {
    String meowSound;

    protected Cat() {
    }

    public Cat(String name, String meowSound) {
        super(name);
        this.meowSound = meowSound;
    }

    @Override
    String details() {
        return ", meow_sound=" + meowSound;
    }
}
