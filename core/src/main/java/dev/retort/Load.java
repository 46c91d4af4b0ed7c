package dev.retort;

import java.util.ArrayList;
import java.util.List;

/**
 * How a query loads a relationship of the objects it returns, as SQLAlchemy's loader options:
 * <ul>
 * <li>{@link #selectIn} — one extra {@code SELECT ... WHERE key IN (...)} per batch of parents (the
 *     recommended way to load collections);</li>
 * <li>{@link #joined} — in the query itself, with a {@code LEFT JOIN} (one statement; parent rows repeat
 *     per child, so it cannot be combined with {@code limit}, {@code offset} or {@code first()});</li>
 * <li>{@link #lazy} — on first access, one query per parent (the default for collections);</li>
 * <li>{@link #raise} — never: access throws, to prove that code does not load it.</li>
 * </ul>
 * Nested paths continue with {@link #then}: {@code Load.selectIn(User_.posts).then(Post_.comments)}
 * loads the posts and their comments, each with the same strategy. To-one relationships always load
 * with their object ({@code selectIn} by default, or {@code joined}). Immutable.
 */
public final class Load {
    /** The loading strategies. */
    public enum Strategy { JOINED, SELECT_IN, LAZY, RAISE }

    private final List<Relation<?, ?>> path;
    private final Strategy strategy;

    private Load(List<Relation<?, ?>> path, Strategy strategy) {
        this.path = List.copyOf(path);
        this.strategy = strategy;
    }

    public static Load joined(Relation<?, ?> relation) {
        return start(relation, Strategy.JOINED);
    }

    public static Load selectIn(Relation<?, ?> relation) {
        return start(relation, Strategy.SELECT_IN);
    }

    public static Load lazy(Relation<?, ?> relation) {
        return start(relation, Strategy.LAZY);
    }

    public static Load raise(Relation<?, ?> relation) {
        return start(relation, Strategy.RAISE);
    }

    private static Load start(Relation<?, ?> relation, Strategy strategy) {
        if (relation == null) {
            throw new InvalidRequestException("Load." + name(strategy) + "(null): there is no relationship. To fix this, pass "
                    + "one from the metamodel, such as User_.posts.");
        }
        return new Load(List.of(relation), strategy);
    }

    /** Continues the path with a relationship of the previous one's target, loaded with the same strategy. */
    public Load then(Relation<?, ?> next) {
        Relation<?, ?> last = path.get(path.size() - 1);
        if (next == null || next.owner() != last.target()) {
            throw new InvalidRequestException("Load." + name(strategy) + "(" + path.get(0) + ")...then(" + next + "): "
                    + "the next relationship must belong to " + last.target().getSimpleName() + ", the target of " + last
                    + ". To fix this, pass a relationship of " + last.target().getSimpleName() + "_.");
        }
        List<Relation<?, ?>> longer = new ArrayList<>(path);
        longer.add(next);
        return new Load(longer, strategy);
    }

    /** The relationships from the query's entity down. */
    public List<Relation<?, ?>> path() {
        return path;
    }

    public Strategy strategy() {
        return strategy;
    }

    static String name(Strategy strategy) {
        return switch (strategy) {
            case JOINED -> "joined";
            case SELECT_IN -> "selectIn";
            case LAZY -> "lazy";
            case RAISE -> "raise";
        };
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Load.").append(name(strategy)).append('(').append(path.get(0)).append(')');
        for (int i = 1; i < path.size(); i++) {
            text.append(".then(").append(path.get(i)).append(')');
        }
        return text.toString();
    }
}
