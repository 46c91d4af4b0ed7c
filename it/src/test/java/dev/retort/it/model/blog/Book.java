package dev.retort.it.model.blog;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Refers to its publisher lazily. */
@Entity
@Table(name = "books")
public class Book {
    @Id
    @GeneratedValue
    public Long id;
    public String title;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "publisher_id")
    public Publisher publisher;

    protected Book() {
    }

    public Book(String title, Publisher publisher) {
        this.title = title;
        this.publisher = publisher;
    }
}
