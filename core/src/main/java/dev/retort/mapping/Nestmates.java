package dev.retort.mapping;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import net.bytebuddy.jar.asm.ClassWriter;

/**
 * Defines the small classes of {@link FieldAccess} and {@link Instantiator} as hidden nestmates of an
 * entity class, so that their plain bytecode reaches its private fields and constructor. Needs the entity's
 * package open to Retort (always so on the class path) and {@code FieldAccess} visible to the entity's
 * class loader; callers fall back to reflection when either is not so.
 */
final class Nestmates {
    private Nestmates() {
    }

    static ClassWriter writer() {
        return new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String first, String second) {
                // Never asked for the generated shapes: their branches join with the same locals and an empty stack.
                return "java/lang/Object";
            }
        };
    }

    /** The hidden class of {@code bytes}, a nestmate of {@code host}, through its full-privilege lookup. */
    static MethodHandles.Lookup define(Class<?> host, byte[] bytes) throws IllegalAccessException {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(host, MethodHandles.lookup());
        return lookup.defineHiddenClass(bytes, true, MethodHandles.Lookup.ClassOption.NESTMATE);
    }

    /** A new instance of the hidden class, through its constructor of {@code type}. */
    static Object construct(MethodHandles.Lookup hidden, MethodType type, Object... arguments) throws ReflectiveOperationException {
        try {
            return hidden.findConstructor(hidden.lookupClass(), type).invokeWithArguments(arguments);
        } catch (ReflectiveOperationException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
