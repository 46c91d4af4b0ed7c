package dev.retort.jdbc.wrapper;

import java.sql.SQLException;
import java.sql.Wrapper;

/** {@code unwrap}/{@code isWrapperFor} for every wrapper: the wrapper itself, else the driver's object or its chain. */
public final class Unwrapping {

    private Unwrapping() {
    }

    public static <T> T unwrap(Object wrapper, Wrapper delegate, Class<T> type) throws SQLException {
        if (type.isInstance(wrapper)) {
            return type.cast(wrapper);
        }
        if (type.isInstance(delegate)) {
            return type.cast(delegate);
        }
        return delegate.unwrap(type);
    }

    public static boolean isWrapperFor(Object wrapper, Wrapper delegate, Class<?> type) throws SQLException {
        return type.isInstance(wrapper) || type.isInstance(delegate) || delegate.isWrapperFor(type);
    }
}
