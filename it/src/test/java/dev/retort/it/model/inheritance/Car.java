package dev.retort.it.model.inheritance;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "inh_cars")
public class Car extends Vehicle {
    public int seats;

    protected Car() {
    }

    public Car(String maker, int seats) {
        super(maker);
        this.seats = seats;
    }
}
