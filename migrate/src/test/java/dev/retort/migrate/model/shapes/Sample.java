package dev.retort.migrate.model.shapes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

/** A column of every type, a sequence-fed key and a many-to-many join table, for the diff to read back. */
@Entity
@Table(name = "samples")
public class Sample {
    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) public Long id;
    public boolean flag;
    public Byte tiny;
    public Short small;
    public int whole;
    public Long big;
    public Float single;
    public Double twice;
    @Column(precision = 12, scale = 3) public BigDecimal amount;
    @Column(length = 3) public String code;
    @Lob public String text;
    public LocalDate day;
    public LocalTime time;
    public LocalDateTime moment;
    public OffsetDateTime offsetMoment;
    public Instant instant;
    public UUID uuid;
    public byte[] bytes;
    @ManyToMany @JoinTable(name = "sample_tags") public Set<Tag> tags = new HashSet<>();

    protected Sample() {
    }
}
