package dev.retort.migrate.model.v3;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Version 3 (with version 1's Note): a new column, isbn, with an index. */
@Entity
@Table(name = "books", indexes = @Index(name = "ix_books_isbn", columnList = "isbn"))
public class Book {
    @Id @GeneratedValue public Long id;
    @Column(length = 100, nullable = false) public String title;
    @ManyToOne public Author author;
    @Column(length = 20) public String isbn;

    protected Book() {
    }

    public Book(String title, Author author, String isbn) {
        this.title = title;
        this.author = author;
        this.isbn = isbn;
    }
}
