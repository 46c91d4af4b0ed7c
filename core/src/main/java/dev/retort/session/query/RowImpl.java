package dev.retort.session.query;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import dev.retort.Expr;
import dev.retort.InvalidRequestException;
import dev.retort.Row;

/** A row of values with the expressions that selected them, or the column labels of hand-written SQL. */
public final class RowImpl implements Row {
    private final List<Expr<?>> columns;
    private final List<String> labels;
    private final Object[] values;

    RowImpl(List<Expr<?>> columns, Object[] values) {
        this(columns, List.of(), values);
    }

    RowImpl(List<Expr<?>> columns, List<String> labels, Object[] values) {
        this.columns = columns;
        this.labels = labels;
        this.values = values;
    }

    @Override
    public Object get(String label) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).equalsIgnoreCase(label)) {
                return values[i];
            }
        }
        throw new InvalidRequestException("This row has no column labelled '" + label + "'" + (labels.isEmpty()
                ? ": rows of session.select(...) are read by expression, row.get(User_.name), or by index."
                : "; its columns are " + String.join(", ", labels) + ". To fix this, use one of these labels, or alias the "
                + "column in the SQL (AS " + label + ")."));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Expr<T> column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i) == column) {
                return (T) values[i];
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).node().equals(column.node())) {
                return (T) values[i];
            }
        }
        if (columns.isEmpty()) {
            throw new InvalidRequestException("This row of hand-written SQL has no expressions to find " + column + " by. "
                    + "To fix this, read it by label, row.get(\"" + column.toString().replaceAll(".*\\.", "") + "\"), or by index.");
        }
        throw new InvalidRequestException("This row has no column " + column + "; the query selected "
                + columns.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ". To fix this, add it to "
                + "session.select(...), or read the row by index with get(int).");
    }

    @Override
    public Object get(int index) {
        if (index < 0 || index >= values.length) {
            throw new InvalidRequestException("get(" + index + "): this row has " + values.length + " columns, indexed from 0.");
        }
        return values[index];
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    @Override
    public String toString() {
        return "Row" + Arrays.toString(values);
    }
}
