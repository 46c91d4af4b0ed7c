package dev.retort.session.state;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy;
import net.bytebuddy.implementation.MethodDelegation;
import net.bytebuddy.matcher.ElementMatchers;

import dev.retort.RetortException;
import dev.retort.mapping.EntityMappings;

/**
 * Generates, once per entity class, the subclass whose instances stand for lazily loaded to-one targets
 * ({@code @ManyToOne(fetch = LAZY)}): every overridable method but the id getter goes through
 * {@link LazyReference#intercept} first. The mapping has checked that the class allows it (not final,
 * no final methods, private fields, a non-private no-argument constructor). The subclass is defined in
 * the entity's package with its own class loader (through a private lookup), so package-private
 * methods are intercepted too.
 */
public final class LazyProxies {
    private static final ClassValue<Generated> CLASSES = new ClassValue<>() {
        @Override
        protected Generated computeValue(Class<?> type) {
            return generate(type);
        }
    };

    private record Generated(Class<?> type, Field state) {
    }

    /** The suffix of the generated classes' names. */
    private static final String SUFFIX = "$RetortLazy";

    private LazyProxies() {
    }

    /** Whether {@code type} is a generated stand-in class (its entity is its superclass). */
    public static boolean isStandIn(Class<?> type) {
        return type.getSuperclass() != null && type.getName().endsWith(SUFFIX);
    }

    /** A new stand-in instance of {@code entity} whose methods run {@code loader} first. */
    public static Object create(Class<?> entity, Runnable loader) {
        Generated generated = CLASSES.get(entity);
        try {
            var constructor = generated.type().getDeclaredConstructor();
            constructor.setAccessible(true);
            Object instance = constructor.newInstance();
            generated.state().set(instance, new LazyReference(loader));
            return instance;
        } catch (ReflectiveOperationException e) {
            throw new RetortException("Cannot create a lazy stand-in for " + entity.getName() + ": " + e, e);
        }
    }

    /** The state of a stand-in, or null for an ordinary instance. */
    public static LazyReference stateOf(Object instance) {
        Class<?> type = instance.getClass();
        if (!isStandIn(type)) {
            return null;
        }
        try {
            return (LazyReference) CLASSES.get(type.getSuperclass()).state().get(instance);
        } catch (IllegalAccessException e) {
            throw new RetortException("Cannot read the state of a lazy stand-in: " + e, e);
        }
    }

    private static Generated generate(Class<?> entity) {
        String idGetter = "get" + capitalized(EntityMappings.of(entity).id().name());
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(entity, MethodHandles.lookup());
            Class<?> type = new ByteBuddy()
                    .subclass(entity, ConstructorStrategy.Default.DEFAULT_CONSTRUCTOR)
                    .name(entity.getName() + SUFFIX)
                    .defineField(LazyReference.FIELD, LazyReference.class, Visibility.PUBLIC)
                    .method(ElementMatchers.not(ElementMatchers.isDeclaredBy(Object.class))
                            .and(ElementMatchers.not(ElementMatchers.isStatic()))
                            .and(ElementMatchers.not(ElementMatchers.named(idGetter).and(ElementMatchers.takesArguments(0)))))
                    .intercept(MethodDelegation.to(LazyReference.class))
                    .make()
                    .load(entity.getClassLoader(), ClassLoadingStrategy.UsingLookup.of(lookup))
                    .getLoaded();
            Field state = type.getField(LazyReference.FIELD);
            return new Generated(type, state);
        } catch (IllegalAccessException | NoSuchFieldException | RuntimeException e) {
            throw new RetortException("Cannot generate the lazy stand-in class of " + entity.getName() + ": " + e
                    + (Modifier.isPublic(entity.getModifiers()) ? "" : ". Its package must be open to Retort (on the class "
                    + "path it is)"), e);
        }
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
