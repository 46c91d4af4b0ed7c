package dev.retort.session.state;

import java.util.concurrent.Callable;

import net.bytebuddy.implementation.bind.annotation.FieldValue;
import net.bytebuddy.implementation.bind.annotation.RuntimeType;
import net.bytebuddy.implementation.bind.annotation.SuperCall;

/**
 * The state of one generated stand-in for a lazily loaded to-one target: until its row is loaded, every
 * method of the entity class (but the id getter) first loads it. Public only because the generated
 * classes, which live in the entities' packages, call {@link #intercept}; not an API.
 */
public final class LazyReference {
    /** The name of the field generated stand-ins hold their state in. */
    public static final String FIELD = "$retortLazyReference";

    private Runnable loader;

    LazyReference(Runnable loader) {
        this.loader = loader;
    }

    /** Called by generated stand-ins before each intercepted method. */
    @RuntimeType
    public static Object intercept(@FieldValue(FIELD) LazyReference state, @SuperCall Callable<?> method) throws Exception {
        if (state != null) {
            state.load();
        }
        return method.call();
    }

    private void load() {
        Runnable pending = loader;
        if (pending != null) {
            pending.run();
        }
    }

    public boolean loaded() {
        return loader == null;
    }

    /** The row is in the object now (by this stand-in's own load, or by any query that read the row). */
    public void markLoaded() {
        loader = null;
    }
}
