package dev.retort.migrate.model.v4;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import dev.retort.migrate.model.v3.Author;

/** Version 4 (with version 3's Author; Note dropped): title renamed to heading. */
@Entity
@Table(name = "books", indexes = @Index(name = "ix_books_isbn", columnList = "isbn"))
public class Book {
    @Id @GeneratedValue public Long id;
    @Column(length = 100, nullable = false) public String heading;
    @ManyToOne public Author author;
    @Column(length = 20) public String isbn;

    protected Book() {
    }

    public Book(String heading, Author author, String isbn) {
        this.heading = heading;
        this.author = author;
        this.isbn = isbn;
    }
}
