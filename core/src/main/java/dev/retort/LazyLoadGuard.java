package dev.retort;

/**
 * The N+1 guard of a session factory: when one session lazily loads the same relationship for more than
 * {@code threshold} objects (one query each), Retort logs one warning naming the relationship and the
 * loader option that would have loaded them together; when {@code strict}, the load after the threshold
 * throws {@link InvalidRequestException} instead. The default warns above 10.
 */
public record LazyLoadGuard(int threshold, boolean strict) {
    public static final LazyLoadGuard DEFAULT = new LazyLoadGuard(10, false);

    public LazyLoadGuard {
        if (threshold < 0) {
            throw new ConfigurationException("The lazy-load threshold must be zero or more, not " + threshold + ".");
        }
    }

    /** Warns once per session and relationship after {@code threshold} lazy loads. */
    public static LazyLoadGuard warnAbove(int threshold) {
        return new LazyLoadGuard(threshold, false);
    }

    /** Throws on the lazy load after {@code threshold}, for tests and strict code bases. */
    public static LazyLoadGuard failAbove(int threshold) {
        return new LazyLoadGuard(threshold, true);
    }
}
