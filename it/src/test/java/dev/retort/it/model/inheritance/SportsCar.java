package dev.retort.it.model.inheritance;

import jakarta.persistence.Entity;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;

/** Two levels below the root, its key column renamed. */
@Entity
@Table(name = "inh_sports_cars")
@PrimaryKeyJoinColumn(name = "car_id")
public class SportsCar extends Car {
    public int topSpeed;

    protected SportsCar() {
    }

    public SportsCar(String maker, int seats, int topSpeed) {
        super(maker, seats);
        this.topSpeed = topSpeed;
    }
}
