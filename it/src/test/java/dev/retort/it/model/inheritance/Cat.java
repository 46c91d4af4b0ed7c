package dev.retort.it.model.inheritance;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("cat")
public class Cat extends Animal {
    public String meowSound;

    protected Cat() {
    }

    public Cat(String name, String meowSound) {
        super(name);
        this.meowSound = meowSound;
    }
}
