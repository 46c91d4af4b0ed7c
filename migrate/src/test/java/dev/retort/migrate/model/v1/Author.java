package dev.retort.migrate.model.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Version 1: an author with a name of 50 characters. */
@Entity
@Table(name = "authors")
public class Author {
    @Id @GeneratedValue public Long id;
    @Column(length = 50, nullable = false) public String name;
    @Column(length = 100) public String email;

    protected Author() {
    }

    public Author(String name, String email) {
        this.name = name;
        this.email = email;
    }
}
