package dev.retort.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A table that refers to itself: each employee's manager is another employee. */
@Entity
@Table(name = "employees")
public class Employee {
    @Id
    @GeneratedValue
    public Long id;
    public String name;
    public Long managerId;

    protected Employee() {
    }

    public Employee(String name, Long managerId) {
        this.name = name;
        this.managerId = managerId;
    }
}
