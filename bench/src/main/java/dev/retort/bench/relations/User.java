package dev.retort.bench.relations;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * W5's parent entity, mapped with standard annotations and used unchanged by Retort and Hibernate (each
 * with its own session factory) and, as a plain object, by the hand-written JDBC code. The posts are
 * ordered by id for everyone ({@code @OrderBy("id")}): Retort orders collections by id anyway, so
 * Hibernate and JDBC are given the same ORDER BY to do the same work.
 */
@Entity
@Table(name = "bench_rel_users")
public class User {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(length = 100)
    String name;

    @OneToMany(mappedBy = "author", cascade = CascadeType.ALL)
    @OrderBy("id")
    List<Post> posts = new ArrayList<>();

    protected User() {
    }

    public User(String name) {
        this.name = name;
    }

    User(Long id, String name) {
        this.id = id;
        this.name = name;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public List<Post> posts() {
        return posts;
    }

    /** Adds a post on both sides. */
    public void add(Post post) {
        posts.add(post);
        post.author = this;
    }
}
