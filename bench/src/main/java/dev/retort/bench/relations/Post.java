package dev.retort.bench.relations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** W5's child entity: the foreign key {@code user_id} lives here (JPA's default EAGER to-one). */
@Entity
@Table(name = "bench_rel_posts")
public class Post {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(length = 100)
    String title;

    @ManyToOne
    @JoinColumn(name = "user_id")
    User author;

    protected Post() {
    }

    public Post(String title) {
        this.title = title;
    }

    Post(Long id, String title, User author) {
        this.id = id;
        this.title = title;
        this.author = author;
    }

    public Long id() {
        return id;
    }

    public String title() {
        return title;
    }

    public User author() {
        return author;
    }
}
