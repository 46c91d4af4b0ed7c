package dev.retort.bench.orm;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("dog")
public class BenchDog extends BenchAnimal {
    @Column(name = "bark_sound", length = 20)
    String barkSound;

    protected BenchDog() {
    }

    BenchDog(Long id, String name, Integer age, String barkSound) {
        super(id, name, age);
        this.barkSound = barkSound;
    }

    @Override
    public String sound() {
        return barkSound;
    }
}
