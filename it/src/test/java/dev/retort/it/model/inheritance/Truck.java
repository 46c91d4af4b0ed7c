package dev.retort.it.model.inheritance;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "inh_trucks")
public class Truck extends Vehicle {
    public Double payload;

    protected Truck() {
    }

    public Truck(String maker, Double payload) {
        super(maker);
        this.payload = payload;
    }
}
