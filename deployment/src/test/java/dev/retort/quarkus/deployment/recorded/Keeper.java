package dev.retort.quarkus.deployment.recorded;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

/** Sequence ids, a version, an enum by name, a unique constraint, an index and an ordered inverse side. */
@Entity
@Table(name = "keepers", uniqueConstraints = @UniqueConstraint(columnNames = "badge"), indexes = @Index(columnList = "name"))
public class Keeper {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    public Long id;
    @Version
    public long version;
    public String name;
    public String badge;
    @Enumerated(EnumType.STRING)
    public Shift shift;
    @OneToMany(mappedBy = "keeper")
    @OrderBy("name")
    public List<Animal> animals = new ArrayList<>();
}
