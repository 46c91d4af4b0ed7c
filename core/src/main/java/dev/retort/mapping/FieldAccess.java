package dev.retort.mapping;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Reads and writes one persistent field, as {@link Field#get}/{@link Field#set} do, without reflection on
 * the hot path. Loading 100,000 rows writes half a million fields; through {@code Field.set} each write
 * pays two type checks and a call through one of many accessor classes, measured at about a sixth of a
 * polymorphic load on H2 (issue 14). So each field gets a small class generated at mapping time and
 * defined as a <em>hidden nestmate</em> of the class that declares the field, which lets plain
 * {@code getfield}/{@code putfield} reach a private field. A value of another type than the field's (or an
 * object of another class) takes the reflective path, so errors and conversions stay exactly
 * {@code Field}'s. Where a hidden class cannot be defined (the entity's module not open to Retort, or its
 * class loader unable to see this class), the access stays reflective. Instances are immutable and
 * thread-safe. Public only for the generated subclasses, which live in the entities' packages.
 */
public abstract class FieldAccess {
    private static final String SELF = Type.getInternalName(FieldAccess.class);

    /** The field, for the reflective path. */
    protected final Field field;

    protected FieldAccess(Field field) {
        this.field = field;
    }

    /** The field's value in {@code entity}, boxed if primitive. */
    public abstract Object get(Object entity);

    /** Sets the field; the value must be of the field's type (boxed for a primitive). */
    public abstract void set(Object entity, Object value);

    /** A {@code long} field's value. */
    public long getLong(Object entity) {
        try {
            return field.getLong(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An {@code int} field's value. */
    public int getInt(Object entity) {
        try {
            return field.getInt(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #get} through reflection: for values and objects the generated path does not take. */
    public final Object reflectiveGet(Object entity) {
        try {
            return field.get(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #set} through reflection: for values and objects the generated path does not take. */
    public final void reflectiveSet(Object entity, Object value) {
        try {
            field.set(entity, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Each field's access, by declaring class and field name, so a field mapped twice (a reference is both a
     * relationship and its foreign-key attribute; a target's id is reached from every reference to it; every
     * {@code Metadata.of} of the same classes) gets one generated class, not one per use. Held per class, so it
     * goes when the class does.
     */
    private static final ClassValue<Map<String, FieldAccess>> ACCESSES = new ClassValue<>() {
        @Override
        protected Map<String, FieldAccess> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** The access for a field made accessible: generated when the platform allows, else reflective. */
    static FieldAccess of(Field field) {
        return ACCESSES.get(field.getDeclaringClass()).computeIfAbsent(field.getName(), name -> create(field));
    }

    private static FieldAccess create(Field field) {
        if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isFinal(field.getModifiers())) {
            try {
                return generated(field);
            } catch (ReflectiveOperationException | LinkageError | IllegalArgumentException | SecurityException e) {
                // The module does not open the package to us, or the class loader cannot see FieldAccess.
            }
        }
        return new Reflective(field);
    }

    /** Through {@link Field} only. */
    static final class Reflective extends FieldAccess {
        Reflective(Field field) {
            super(field);
        }

        @Override
        public Object get(Object entity) {
            return reflectiveGet(entity);
        }

        @Override
        public void set(Object entity, Object value) {
            reflectiveSet(entity, value);
        }
    }

    // ---- generation ---------------------------------------------------------------------------------

    private static FieldAccess generated(Field field) throws ReflectiveOperationException {
        MethodHandles.Lookup hidden = Nestmates.define(field.getDeclaringClass(), classFile(field));
        return (FieldAccess) Nestmates.construct(hidden, MethodType.methodType(void.class, Field.class), field);
    }

    private static byte[] classFile(Field field) {
        Class<?> host = field.getDeclaringClass();
        String hostName = Type.getInternalName(host);
        ClassWriter writer = Nestmates.writer();
        writer.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, hostName + "$RetortField_" + field.getName(), null, SELF, null);
        constructor(writer);
        getter(writer, field, hostName);
        setter(writer, field, hostName);
        Class<?> type = field.getType();
        if (type == long.class || type == int.class) {
            primitiveGetter(writer, field, hostName);
        }
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static void constructor(ClassWriter writer) {
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "(Ljava/lang/reflect/Field;)V", null, null);
        method.visitCode();
        method.visitVarInsn(Opcodes.ALOAD, 0);
        method.visitVarInsn(Opcodes.ALOAD, 1);
        method.visitMethodInsn(Opcodes.INVOKESPECIAL, SELF, "<init>", "(Ljava/lang/reflect/Field;)V", false);
        method.visitInsn(Opcodes.RETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
    }

    /** {@code get(entity)}: {@code entity instanceof Host ? box(((Host) entity).field) : reflectiveGet(entity)}. */
    private static void getter(ClassWriter writer, Field field, String hostName) {
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC, "get", "(Ljava/lang/Object;)Ljava/lang/Object;", null, null);
        Label reflective = readField(method, field, hostName);
        if (field.getType().isPrimitive()) {
            Class<?> boxed = JavaTypes.boxed(field.getType());
            method.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(boxed), "valueOf",
                    "(" + Type.getDescriptor(field.getType()) + ")" + Type.getDescriptor(boxed), false);
        }
        method.visitInsn(Opcodes.ARETURN);
        otherwise(method, reflective, Opcodes.INVOKEVIRTUAL, "reflectiveGet", "(Ljava/lang/Object;)Ljava/lang/Object;", Opcodes.ARETURN);
    }

    /**
     * Starts a method of one argument, the entity: when it is a Host, pushes its field's value; else jumps to the
     * returned label, which {@link #otherwise} places.
     */
    private static Label readField(MethodVisitor method, Field field, String hostName) {
        method.visitCode();
        Label reflective = new Label();
        method.visitVarInsn(Opcodes.ALOAD, 1);
        method.visitTypeInsn(Opcodes.INSTANCEOF, hostName);
        method.visitJumpInsn(Opcodes.IFEQ, reflective);
        method.visitVarInsn(Opcodes.ALOAD, 1);
        method.visitTypeInsn(Opcodes.CHECKCAST, hostName);
        method.visitFieldInsn(Opcodes.GETFIELD, hostName, field.getName(), Type.getDescriptor(field.getType()));
        return reflective;
    }

    /** Ends a method at {@code label} with the call of {@code name} on this class with the same arguments, returned. */
    private static void otherwise(MethodVisitor method, Label label, int invoke, String name, String descriptor, int returns) {
        method.visitLabel(label);
        method.visitVarInsn(Opcodes.ALOAD, 0);
        int arguments = Type.getArgumentTypes(descriptor).length;
        for (int slot = 1; slot <= arguments; slot++) {
            method.visitVarInsn(Opcodes.ALOAD, slot);
        }
        method.visitMethodInsn(invoke, SELF, name, descriptor, false);
        method.visitInsn(returns);
        method.visitMaxs(0, 0);
        method.visitEnd();
    }

    /**
     * {@code set(entity, value)}: a store when {@code entity} is a Host and {@code value} of the field's
     * (boxed) type, or null for a reference field; otherwise {@code reflectiveSet}, which widens or refuses
     * exactly as {@link Field#set} does.
     */
    private static void setter(ClassWriter writer, Field field, String hostName) {
        Class<?> type = field.getType();
        Class<?> valueType = JavaTypes.boxed(type);
        String valueName = Type.getInternalName(valueType);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC, "set", "(Ljava/lang/Object;Ljava/lang/Object;)V", null, null);
        method.visitCode();
        Label reflective = new Label();
        Label store = new Label();
        method.visitVarInsn(Opcodes.ALOAD, 1);
        method.visitTypeInsn(Opcodes.INSTANCEOF, hostName);
        method.visitJumpInsn(Opcodes.IFEQ, reflective);
        if (!type.isPrimitive()) {
            method.visitVarInsn(Opcodes.ALOAD, 2);
            method.visitJumpInsn(Opcodes.IFNULL, store);
        }
        method.visitVarInsn(Opcodes.ALOAD, 2);
        method.visitTypeInsn(Opcodes.INSTANCEOF, valueName);
        method.visitJumpInsn(Opcodes.IFEQ, reflective);
        method.visitLabel(store);
        method.visitVarInsn(Opcodes.ALOAD, 1);
        method.visitTypeInsn(Opcodes.CHECKCAST, hostName);
        method.visitVarInsn(Opcodes.ALOAD, 2);
        method.visitTypeInsn(Opcodes.CHECKCAST, valueName);
        if (type.isPrimitive()) {
            method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, valueName, type.getName() + "Value", "()" + Type.getDescriptor(type), false);
        }
        method.visitFieldInsn(Opcodes.PUTFIELD, hostName, field.getName(), Type.getDescriptor(type));
        method.visitInsn(Opcodes.RETURN);
        otherwise(method, reflective, Opcodes.INVOKEVIRTUAL, "reflectiveSet", "(Ljava/lang/Object;Ljava/lang/Object;)V", Opcodes.RETURN);
    }

    /** {@code getLong}/{@code getInt} for a field of that type, unboxed; other objects take {@link Field}'s path. */
    private static void primitiveGetter(ClassWriter writer, Field field, String hostName) {
        boolean isLong = field.getType() == long.class;
        String methodName = isLong ? "getLong" : "getInt";
        String descriptor = isLong ? "(Ljava/lang/Object;)J" : "(Ljava/lang/Object;)I";
        int returns = isLong ? Opcodes.LRETURN : Opcodes.IRETURN;
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC, methodName, descriptor, null, null);
        Label reflective = readField(method, field, hostName);
        method.visitInsn(returns);
        otherwise(method, reflective, Opcodes.INVOKESPECIAL, methodName, descriptor, returns);
    }
}
