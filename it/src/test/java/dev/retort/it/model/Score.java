package dev.retort.it.model;

import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Numbers to compare, compute and aggregate: points and bonus per player and team. */
@Entity
@Table(name = "scores")
public class Score {
    @Id
    @GeneratedValue
    public Long id;
    public String player;
    public String team;
    public Integer points;
    public Integer bonus;
    public LocalDateTime recorded;

    protected Score() {
    }

    public Score(String player, String team, Integer points, Integer bonus) {
        this.player = player;
        this.team = team;
        this.points = points;
        this.bonus = bonus;
    }

    @Override
    public String toString() {
        return "Score(" + player + ", " + team + ", " + points + ", " + bonus + ")";
    }
}
