package dev.retort.tutorial;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Section 4.1 of the tutorial: a post and its author (the foreign key user_id to users.id). */
@Entity
@Table(name = "posts")
public class Post {
    @Id
    @GeneratedValue
    Long id;
    String title;
    String content;
    @ManyToOne
    @JoinColumn(name = "user_id")
    User author;

    protected Post() {
    }

    public Post(String title, String content) {
        this.title = title;
        this.content = content;
    }

    @Override
    public String toString() {
        return "<Post(title=" + title + ", author=" + (author == null ? null : author.name) + ")>";
    }
}
