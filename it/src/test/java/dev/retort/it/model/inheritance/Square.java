package dev.retort.it.model.inheritance;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "inh_squares")
public class Square extends Shape {
    public double side;

    protected Square() {
    }

    public Square(long id, String label, double side) {
        super(id, label);
        this.side = side;
    }
}
