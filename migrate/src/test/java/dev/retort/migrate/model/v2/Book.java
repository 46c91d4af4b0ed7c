package dev.retort.migrate.model.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import dev.retort.migrate.model.v1.Author;

/** Version 2 (with version 1's Author and Note): a new entity, with a relationship to {@link Author}. */
@Entity
@Table(name = "books")
public class Book {
    @Id @GeneratedValue public Long id;
    @Column(length = 100, nullable = false) public String title;
    @ManyToOne public Author author;

    protected Book() {
    }

    public Book(String title, Author author) {
        this.title = title;
        this.author = author;
    }
}
