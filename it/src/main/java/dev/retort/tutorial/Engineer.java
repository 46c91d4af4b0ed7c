package dev.retort.tutorial;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An employee whose row in {@code engineers} holds what only engineers have. */
@Entity
@Table(name = "engineers")
public class Engineer extends Employee {
    String primaryLanguage;

    protected Engineer() {
    }

    public Engineer(String name, String primaryLanguage) {
        super(name);
        this.primaryLanguage = primaryLanguage;
    }
}
