package dev.retort.migrate.model.renamed;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Version 1's Note under another table name: the shape of a renamed table. */
@Entity
@Table(name = "memos")
public class Memo {
    @Id @GeneratedValue public Long id;
    @Column(length = 200) public String body;

    protected Memo() {
    }
}
