package dev.retort.quarkus.deployment.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Book {
    @Id
    @GeneratedValue
    public Long id;
    public String title;

    protected Book() {
    }

    public Book(String title) {
        this.title = title;
    }
}
