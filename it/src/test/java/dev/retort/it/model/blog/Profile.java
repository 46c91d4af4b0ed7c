package dev.retort.it.model.blog;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** The owning side of a one-to-one with Author (a unique foreign key). */
@Entity
@Table(name = "profiles")
public class Profile {
    @Id
    @GeneratedValue
    public Long id;
    public String bio;
    @OneToOne
    @JoinColumn(name = "author_id")
    public Author author;

    protected Profile() {
    }

    public Profile(String bio) {
        this.bio = bio;
    }
}
