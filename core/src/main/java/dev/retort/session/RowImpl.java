package dev.retort.session;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import dev.retort.Expr;
import dev.retort.InvalidRequestException;
import dev.retort.Row;

/** A row of values with the expressions that selected them. */
final class RowImpl implements Row {
    private final List<Expr<?>> columns;
    private final Object[] values;

    RowImpl(List<Expr<?>> columns, Object[] values) {
        this.columns = columns;
        this.values = values;
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
