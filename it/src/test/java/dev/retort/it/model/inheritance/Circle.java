package dev.retort.it.model.inheritance;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "inh_circles")
public class Circle extends Shape {
    public double radius;

    protected Circle() {
    }

    public Circle(long id, String label, double radius) {
        super(id, label);
        this.radius = radius;
    }
}
