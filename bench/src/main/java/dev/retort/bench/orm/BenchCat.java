package dev.retort.bench.orm;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("cat")
public class BenchCat extends BenchAnimal {
    @Column(name = "meow_sound", length = 20)
    String meowSound;

    protected BenchCat() {
    }

    BenchCat(Long id, String name, Integer age, String meowSound) {
        super(id, name, age);
        this.meowSound = meowSound;
    }

    @Override
    public String sound() {
        return meowSound;
    }
}
