package dev.retort.migrate.model.v3;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** Versions 3 and 4: the name widened to 120 characters, the e-mail unique. */
@Entity
@Table(name = "authors", uniqueConstraints = @UniqueConstraint(columnNames = "email"))
public class Author {
    @Id @GeneratedValue public Long id;
    @Column(length = 120, nullable = false) public String name;
    @Column(length = 100) public String email;

    protected Author() {
    }

    public Author(String name, String email) {
        this.name = name;
        this.email = email;
    }
}
