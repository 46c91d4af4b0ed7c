package dev.retort.it.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Constraints and optimistic locking: unique e-mail, NOT NULL owner, a version, an index. */
@Entity
@Table(name = "accounts", indexes = @Index(name = "ix_accounts_owner", columnList = "owner"))
public class Account {
    @Id
    @GeneratedValue
    public Long id;
    @Column(nullable = false, unique = true, length = 120)
    public String email;
    @Column(nullable = false)
    public String owner;
    public long balance;
    @Version
    public Integer version;

    protected Account() {
    }

    public Account(String email, String owner, long balance) {
        this.email = email;
        this.owner = owner;
        this.balance = balance;
    }
}
