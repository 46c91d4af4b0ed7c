package dev.retort.it.stream;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A plain row of the million-row stream test: an assigned id, a label and an amount to sum. */
@Entity
@Table(name = "stream_rows")
public class StreamRow {
    @Id
    public Long id;
    public String label;
    public Integer amount;

    protected StreamRow() {
    }
}
