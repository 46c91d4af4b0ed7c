package dev.retort.it.shard;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the sharding suite: its continent tells its shard; ids are assigned, so two shards may hold equal ones. */
@Entity
@Table(name = "shard_cities")
public class City {
    @Id
    public Long id;
    public String continent;
    public String name;
    public Integer population;

    protected City() {
    }

    public City(long id, String continent, String name, Integer population) {
        this.id = id;
        this.continent = continent;
        this.name = name;
        this.population = population;
    }
}
