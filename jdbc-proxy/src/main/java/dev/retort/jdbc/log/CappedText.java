package dev.retort.jdbc.log;

/**
 * Text that keeps at most {@code capacity} characters and counts the rest, then says how many were left
 * out: {@code INSERT INTO t VALUES (1, 'a... [10485747 more characters]}. Callers measure what no longer
 * fits instead of rendering it ({@link #skip}), so a record's size never follows its values'. One use, one
 * thread.
 */
final class CappedText {

    private final StringBuilder text;
    private final int capacity;
    private long omitted;

    CappedText(int capacity) {
        this.capacity = capacity;
        this.text = new StringBuilder(Math.min(capacity, 256));
    }

    /** Whether nothing more will be kept: from here on only lengths matter. */
    boolean full() {
        return text.length() >= capacity;
    }

    CappedText append(CharSequence part) {
        return append(part, 0, part.length());
    }

    CappedText append(CharSequence part, int from, int to) {
        int kept = Math.min(to - from, capacity - text.length());
        text.append(part, from, from + kept);
        omitted += to - from - kept;
        return this;
    }

    /** Counts characters that would have followed, without them. */
    void skip(long characters) {
        omitted += characters;
    }

    /** What was kept, and the count of what was not after {@code ... }. */
    @Override
    public String toString() {
        if (omitted == 0) {
            return text.toString();
        }
        return text + "... [" + omitted + (omitted == 1 ? " more character]" : " more characters]");
    }
}
