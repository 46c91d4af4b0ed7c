package dev.retort.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's post, joined to users through {@code authorId}. */
@Entity
@Table(name = "posts")
public class Post {
    @Id
    @GeneratedValue
    public Long id;
    public Long authorId;
    public String title;
    public Integer likes;

    protected Post() {
    }

    public Post(Long authorId, String title, Integer likes) {
        this.authorId = authorId;
        this.title = title;
        this.likes = likes;
    }
}
