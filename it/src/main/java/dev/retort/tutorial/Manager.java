package dev.retort.tutorial;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An employee whose row in {@code managers} holds what only managers have. */
@Entity
@Table(name = "managers")
public class Manager extends Employee {
    String department;

    protected Manager() {
    }

    public Manager(String name, String department) {
        super(name);
        this.department = department;
    }
}
