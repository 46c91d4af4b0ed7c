package dev.retort.jdbc.translate.rewrite;

import dev.retort.jdbc.translate.Dialect;
/** The choices that decide a translation. Immutable. */
public record Settings(Dialect source, Dialect target, boolean strict, boolean caseInsensitive,
                    boolean caseInsensitiveColumns) {
}
