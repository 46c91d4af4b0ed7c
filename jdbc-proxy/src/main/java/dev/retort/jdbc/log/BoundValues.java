package dev.retort.jdbc.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values bound to one statement, as the application set them. Mutable while the statement is
 * prepared; {@link #snapshot()} freezes a copy for a record. Values are kept by reference and never
 * copied or read while binding: a 10 MB string costs one array slot. Confined to the statement's thread.
 */
public final class BoundValues {

    private static final Object[] NONE = new Object[0];

    private Object[] positional = NONE;
    private Map<String, Object> named;

    /** Receives the values in order: positions first ({@code name} null), then named ones. */
    interface Visitor {
        void value(String name, Object value);
    }

    public void set(int index, Object value) {
        if (index >= positional.length) {
            positional = Arrays.copyOf(positional, Math.max(index + 1, positional.length * 2));
        }
        positional[index] = value == null ? Literals.NULL : value;
    }

    public void set(String name, Object value) {
        if (named == null) {
            named = new LinkedHashMap<>();
        }
        named.put(name, value == null ? Literals.NULL : value);
    }

    public void clear() {
        Arrays.fill(positional, null);
        named = null;
    }

    /** Copies the references only. */
    public BoundValues snapshot() {
        BoundValues copy = new BoundValues();
        copy.positional = positional.clone();
        copy.named = named == null ? null : new LinkedHashMap<>(named);
        return copy;
    }

    /** {@code sql} with the values in place of its placeholders, named values after it in braces. */
    void inline(String sql, int maxValueLength, CappedText out) {
        SqlInliner.inline(sql, positional, maxValueLength, out);
        if (named == null) {
            return;
        }
        out.append(" {");
        boolean[] first = {true};
        named.forEach((name, value) -> {
            out.append(first[0] ? "" : ", ");
            first[0] = false;
            literal(name, value, maxValueLength, out);
        });
        out.append("}");
    }

    /** {@code literal} or {@code name => literal}, measured instead of rendered once {@code out} is full. */
    static void literal(String name, Object value, int maxValueLength, CappedText out) {
        if (name != null) {
            out.append(name).append(" => ");
        }
        if (out.full()) {
            out.skip(Literals.renderedLength(value, maxValueLength));
        } else {
            out.append(Literals.render(value, maxValueLength));
        }
    }

    void forEach(Visitor visitor) {
        for (int i = 1; i < positional.length; i++) {
            if (positional[i] != null) {
                visitor.value(null, positional[i]);
            }
        }
        if (named != null) {
            named.forEach(visitor::value);
        }
    }

    /** Rendered literals of the bound positions in order, then {@code name => literal} for named ones. */
    List<String> rendered(int maxValueLength) {
        List<String> rendered = new ArrayList<>();
        forEach((name, value) -> rendered.add(name == null ? Literals.render(value, maxValueLength)
                : name + " => " + Literals.render(value, maxValueLength)));
        return rendered;
    }

    int count() {
        int count = named == null ? 0 : named.size();
        for (int i = 1; i < positional.length; i++) {
            count += positional[i] != null ? 1 : 0;
        }
        return count;
    }
}
