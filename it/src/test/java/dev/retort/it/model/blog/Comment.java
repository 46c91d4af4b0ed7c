package dev.retort.it.model.blog;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A comment must have its article (a NOT NULL foreign key, no cascade from this side). */
@Entity
@Table(name = "comments")
public class Comment {
    @Id
    @GeneratedValue
    public Long id;
    public String body;
    @ManyToOne(optional = false)
    public Article article;

    protected Comment() {
    }

    public Comment(String body) {
        this.body = body;
    }

    @Override
    public String toString() {
        return "Comment[" + body + "]";
    }
}
