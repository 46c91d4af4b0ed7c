package dev.retort.migrate.model.loose;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Version 2's books before it had an author or a required title: a nullable column and no foreign key. */
@Entity
@Table(name = "books")
public class Book {
    @Id @GeneratedValue public Long id;
    @Column(length = 100) public String title;

    protected Book() {
    }

    public Book(String title) {
        this.title = title;
    }
}
