package dev.retort.mapping;

import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.function.Supplier;

import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Creates an entity through its no-argument constructor (any visibility) with a generated {@code new},
 * defined as a hidden nestmate of the entity ({@link Nestmates}), instead of {@code Constructor.newInstance}
 * with its argument checks and wrapping: one instance per row loaded. Abstract classes, and entities whose
 * package is not open to Retort, keep the reflective constructor. Either way a constructor's exception
 * reaches the caller as it was thrown.
 */
final class Instantiator {
    private Instantiator() {
    }

    /** A supplier of new instances of the constructor's class; {@code constructor} has been made accessible. */
    @SuppressWarnings("unchecked")
    static Supplier<Object> of(Constructor<?> constructor) {
        Class<?> type = constructor.getDeclaringClass();
        if (!Modifier.isAbstract(type.getModifiers())) {
            try {
                return (Supplier<Object>) Nestmates.construct(Nestmates.define(type, classFile(type)), MethodType.methodType(void.class));
            } catch (ReflectiveOperationException | LinkageError | IllegalArgumentException | SecurityException e) {
                // Not open to Retort: the reflective constructor below.
            }
        }
        return () -> {
            try {
                return constructor.newInstance();
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw Instantiator.<RuntimeException>sneaky(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw Instantiator.<RuntimeException>sneaky(e);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable failure) throws E {
        throw (E) failure;
    }

    /** {@code final class Host$RetortNew implements Supplier { Object get() { return new Host(); } }}. */
    private static byte[] classFile(Class<?> type) {
        String hostName = Type.getInternalName(type);
        ClassWriter writer = Nestmates.writer();
        writer.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, hostName + "$RetortNew", null, "java/lang/Object",
                new String[] {"java/util/function/Supplier"});
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor get = writer.visitMethod(Opcodes.ACC_PUBLIC, "get", "()Ljava/lang/Object;", null, null);
        get.visitCode();
        get.visitTypeInsn(Opcodes.NEW, hostName);
        get.visitInsn(Opcodes.DUP);
        get.visitMethodInsn(Opcodes.INVOKESPECIAL, hostName, "<init>", "()V", false);
        get.visitInsn(Opcodes.ARETURN);
        get.visitMaxs(0, 0);
        get.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
