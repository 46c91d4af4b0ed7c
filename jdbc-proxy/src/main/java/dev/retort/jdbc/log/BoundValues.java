package dev.retort.jdbc.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values bound to one statement, as the application set them. Mutable while the statement is
 * prepared; {@link #snapshot()} freezes a copy for a record. Confined to the statement's thread.
 */
public final class BoundValues {

    private static final Object[] NONE = new Object[0];

    private Object[] positional = NONE;
    private Map<String, Object> named;

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

    public BoundValues snapshot() {
        BoundValues copy = new BoundValues();
        copy.positional = positional.clone();
        copy.named = named == null ? null : new LinkedHashMap<>(named);
        return copy;
    }

    String inline(String sql) {
        String inlined = SqlInliner.inline(sql, positional);
        if (named == null) {
            return inlined;
        }
        StringBuilder withNames = new StringBuilder(inlined).append(" {");
        named.forEach((name, value) -> withNames.append(withNames.charAt(withNames.length() - 1) == '{' ? "" : ", ")
                .append(name).append(" => ").append(Literals.render(value)));
        return withNames.append('}').toString();
    }

    /** Rendered literals of the bound positions in order, then {@code name => literal} for named ones. */
    List<String> rendered() {
        List<String> rendered = new ArrayList<>();
        for (int i = 1; i < positional.length; i++) {
            if (positional[i] != null) {
                rendered.add(Literals.render(positional[i]));
            }
        }
        if (named != null) {
            named.forEach((name, value) -> rendered.add(name + " => " + Literals.render(value)));
        }
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
