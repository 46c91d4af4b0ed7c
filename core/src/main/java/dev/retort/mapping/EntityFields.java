package dev.retort.mapping;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Writes a whole row into an entity's fields and finds the fields that differ from a snapshot, as a loop
 * over {@link AttributeModel#set} and {@link AttributeModel#changedFrom} does, in one generated method each.
 * Loading writes every field of every row and each flush compares every field of every tracked object; through
 * the attributes that is one call per field through one of many {@link FieldAccess} classes, a call site the
 * JIT cannot inline (about 8 % of loading 100,000 rows on H2 by profile, issue 14). Here each entity class gets a
 * small class, defined as a hidden nestmate of the class declaring the fields ({@link Nestmates}), whose
 * methods read and write them with plain {@code getfield}/{@code putfield} and compare them by their type:
 * numbers unboxed, references and enum constants by identity, strings and other final value types with
 * their own {@code equals}. Whatever the generated code cannot decide (a value of another type, a
 * {@code BigDecimal}, an array, a floating-point number, a final field) goes to the attribute, so the
 * results are exactly the attributes'. Fields declared by superclasses belong to other nests, so an entity
 * whose fields come from several classes gets one part per declaring class, each calling the next. Immutable and thread-safe.
 * Public only for the generated subclasses, which live in the entities' packages.
 */
public abstract class EntityFields {
    private static final String SELF = Type.getInternalName(EntityFields.class);

    /** All the entity's attributes, indexed like its rows. */
    private final AttributeModel[] attributes;
    /** The row indexes this object handles, ascending. */
    private final int[] slots;
    /**
     * The part for the fields of another declaring class, all at higher indexes than these, or null. Generated
     * code calls it from its own call site, so each call has one receiver class and inlines.
     */
    protected final EntityFields next;

    protected EntityFields(AttributeModel[] attributes, int[] slots, EntityFields next) {
        this.attributes = attributes;
        this.slots = slots;
        this.next = next;
    }

    /** Sets each field handled here to its row value ({@code values} indexed like the attributes). */
    public abstract void write(Object entity, Object[] values);

    /** The first index from {@code from} on, of the fields handled here, whose value differs from {@code snapshot}'s; else -1. */
    public abstract int nextChanged(Object entity, Object[] snapshot, int from);

    /** {@link #write} through the attributes (this part's and the next parts'). */
    public final void writeThroughAttributes(Object entity, Object[] values) {
        for (int slot : slots) {
            attributes[slot].set(entity, values[slot]);
        }
        if (next != null) {
            next.writeThroughAttributes(entity, values);
        }
    }

    /** {@link #nextChanged} through the attributes (this part's and the next parts'). */
    public final int nextChangedThroughAttributes(Object entity, Object[] snapshot, int from) {
        for (int slot : slots) {
            if (slot >= from && attributes[slot].changedFrom(entity, snapshot[slot])) {
                return slot;
            }
        }
        return next == null ? -1 : next.nextChangedThroughAttributes(entity, snapshot, from);
    }

    /** One field written through its attribute: a value the generated store does not take. */
    public final void set(int slot, Object entity, Object value) {
        attributes[slot].set(entity, value);
    }

    /** One field compared through its attribute: a snapshot value the generated comparison does not take. */
    public final boolean changed(int slot, Object entity, Object snapshot) {
        return attributes[slot].changedFrom(entity, snapshot);
    }

    /**
     * The fields of an entity's attributes: one part per declaring class, generated where the platform allows,
     * else through the attributes. Parts are chained in row order when each class's fields follow the previous
     * class's (superclass fields first, as mapping orders them); otherwise a {@link Composite} asks them all.
     */
    static EntityFields of(List<AttributeModel> attributeList) {
        AttributeModel[] attributes = attributeList.toArray(new AttributeModel[0]);
        Map<Class<?>, List<Integer>> byDeclaringClass = new LinkedHashMap<>();
        for (int i = 0; i < attributes.length; i++) {
            byDeclaringClass.computeIfAbsent(attributes[i].field().getDeclaringClass(), type -> new ArrayList<>()).add(i);
        }
        List<Class<?>> hosts = new ArrayList<>(byDeclaringClass.keySet());
        List<int[]> slots = hosts.stream().map(host -> byDeclaringClass.get(host).stream().mapToInt(Integer::intValue).toArray()).toList();
        boolean ordered = true;
        for (int i = 1; i < slots.size(); i++) {
            ordered &= slots.get(i - 1)[slots.get(i - 1).length - 1] < slots.get(i)[0];
        }
        if (ordered) {
            EntityFields chain = null;
            for (int i = hosts.size() - 1; i >= 0; i--) {
                chain = part(hosts.get(i), attributes, slots.get(i), chain);
            }
            return chain;
        }
        EntityFields[] parts = new EntityFields[hosts.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = part(hosts.get(i), attributes, slots.get(i), null);
        }
        return new Composite(attributes, parts);
    }

    /**
     * The generated classes of each declaring class, by the layout they were generated for (slots, fields and how
     * each is compared), so that every {@code Metadata.of} of the same classes reuses them instead of defining new
     * ones. Held per class, so they go when the class does.
     */
    private static final ClassValue<Map<String, MethodHandles.Lookup>> GENERATED = new ClassValue<>() {
        @Override
        protected Map<String, MethodHandles.Lookup> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private static EntityFields part(Class<?> host, AttributeModel[] attributes, int[] slots, EntityFields next) {
        StringBuilder layout = new StringBuilder();
        for (int slot : slots) {
            layout.append(slot).append(':').append(attributes[slot].field().getName()).append(':')
                    .append(comparison(attributes[slot])).append(';');
        }
        try {
            MethodHandles.Lookup generated = GENERATED.get(host).get(layout.toString());
            if (generated == null) {
                generated = Nestmates.define(host, classFile(host, attributes, slots));
                GENERATED.get(host).putIfAbsent(layout.toString(), generated);
            }
            return (EntityFields) Nestmates.construct(generated,
                    MethodType.methodType(void.class, AttributeModel[].class, int[].class, EntityFields.class), attributes, slots, next);
        } catch (ReflectiveOperationException | LinkageError | IllegalArgumentException | SecurityException e) {
            // The module does not open the package to us, or the class loader cannot see EntityFields.
            return new ThroughAttributes(attributes, slots, next);
        }
    }

    /** Without generated code: each field through its attribute. */
    static final class ThroughAttributes extends EntityFields {
        ThroughAttributes(AttributeModel[] attributes, int[] slots, EntityFields next) {
            super(attributes, slots, next);
        }

        @Override
        public void write(Object entity, Object[] values) {
            writeThroughAttributes(entity, values);
        }

        @Override
        public int nextChanged(Object entity, Object[] snapshot, int from) {
            return nextChangedThroughAttributes(entity, snapshot, from);
        }
    }

    /** Parts whose fields interleave in row order: each asked in turn. */
    static final class Composite extends EntityFields {
        private final EntityFields[] parts;

        Composite(AttributeModel[] attributes, EntityFields[] parts) {
            super(attributes, new int[0], null);
            this.parts = parts;
        }

        @Override
        public void write(Object entity, Object[] values) {
            for (EntityFields part : parts) {
                part.write(entity, values);
            }
        }

        @Override
        public int nextChanged(Object entity, Object[] snapshot, int from) {
            int first = -1;
            for (EntityFields part : parts) {
                int changed = part.nextChanged(entity, snapshot, from);
                if (changed >= 0 && (first < 0 || changed < first)) {
                    first = changed;
                }
            }
            return first;
        }
    }

    // ---- generation ---------------------------------------------------------------------------------

    private static final int THIS = 0;
    private static final int ENTITY = 1;
    /** The row: values to write, or the snapshot to compare with. */
    private static final int ROW = 2;
    private static final int FROM = 3;
    private static final int HOST = 4;
    private static final int VALUE = 5;

    private static byte[] classFile(Class<?> host, AttributeModel[] attributes, int[] slots) {
        String hostName = Type.getInternalName(host);
        ClassWriter writer = Nestmates.writer();
        writer.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, hostName + "$RetortFields", null, SELF, null);
        String descriptor = "([L" + Type.getInternalName(AttributeModel.class) + ";[IL" + SELF + ";)V";
        MethodVisitor constructor = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", descriptor, null, null);
        constructor.visitCode();
        constructor.visitVarInsn(Opcodes.ALOAD, THIS);
        constructor.visitVarInsn(Opcodes.ALOAD, 1);
        constructor.visitVarInsn(Opcodes.ALOAD, 2);
        constructor.visitVarInsn(Opcodes.ALOAD, 3);
        constructor.visitMethodInsn(Opcodes.INVOKESPECIAL, SELF, "<init>", descriptor, false);
        constructor.visitInsn(Opcodes.RETURN);
        constructor.visitMaxs(0, 0);
        constructor.visitEnd();
        write(writer, hostName, attributes, slots);
        nextChanged(writer, hostName, attributes, slots);
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** Starts a method whose entity, when not a Host, goes to {@code fallback}; else stores it cast in {@link #HOST}. */
    private static void castEntity(MethodVisitor method, String hostName, String fallback, String descriptor, boolean withFrom, int returns) {
        method.visitCode();
        Label host = new Label();
        method.visitVarInsn(Opcodes.ALOAD, ENTITY);
        method.visitTypeInsn(Opcodes.INSTANCEOF, hostName);
        method.visitJumpInsn(Opcodes.IFNE, host);
        method.visitVarInsn(Opcodes.ALOAD, THIS);
        method.visitVarInsn(Opcodes.ALOAD, ENTITY);
        method.visitVarInsn(Opcodes.ALOAD, ROW);
        if (withFrom) {
            method.visitVarInsn(Opcodes.ILOAD, FROM);
        }
        method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SELF, fallback, descriptor, false);
        method.visitInsn(returns);
        method.visitLabel(host);
        method.visitVarInsn(Opcodes.ALOAD, ENTITY);
        method.visitTypeInsn(Opcodes.CHECKCAST, hostName);
        method.visitVarInsn(Opcodes.ASTORE, HOST);
    }

    private static void loadRowValue(MethodVisitor method, int slot) {
        method.visitVarInsn(Opcodes.ALOAD, ROW);
        method.visitLdcInsn(slot);
        method.visitInsn(Opcodes.AALOAD);
    }

    /** {@code write}: per field, a store when the value is of its (boxed) type, or null for an object field; else the attribute's {@code set}. */
    private static void write(ClassWriter writer, String hostName, AttributeModel[] attributes, int[] slots) {
        String descriptor = "(Ljava/lang/Object;[Ljava/lang/Object;)V";
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC, "write", descriptor, null, null);
        castEntity(method, hostName, "writeThroughAttributes", descriptor, false, Opcodes.RETURN);
        for (int slot : slots) {
            Field field = attributes[slot].field();
            Class<?> type = field.getType();
            String valueName = Type.getInternalName(JavaTypes.boxed(type));
            Label other = new Label();
            Label store = new Label();
            Label next = new Label();
            loadRowValue(method, slot);
            method.visitVarInsn(Opcodes.ASTORE, VALUE);
            if (!Modifier.isFinal(field.getModifiers())) {
                if (!type.isPrimitive()) {
                    method.visitVarInsn(Opcodes.ALOAD, VALUE);
                    method.visitJumpInsn(Opcodes.IFNULL, store);
                }
                method.visitVarInsn(Opcodes.ALOAD, VALUE);
                method.visitTypeInsn(Opcodes.INSTANCEOF, valueName);
                method.visitJumpInsn(Opcodes.IFEQ, other);
                method.visitLabel(store);
                method.visitVarInsn(Opcodes.ALOAD, HOST);
                method.visitVarInsn(Opcodes.ALOAD, VALUE);
                method.visitTypeInsn(Opcodes.CHECKCAST, valueName);
                if (type.isPrimitive()) {
                    method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, valueName, type.getName() + "Value", "()" + Type.getDescriptor(type), false);
                }
                method.visitFieldInsn(Opcodes.PUTFIELD, hostName, field.getName(), Type.getDescriptor(type));
                method.visitJumpInsn(Opcodes.GOTO, next);
            }
            method.visitLabel(other);
            method.visitVarInsn(Opcodes.ALOAD, THIS);
            method.visitLdcInsn(slot);
            method.visitVarInsn(Opcodes.ALOAD, ENTITY);
            method.visitVarInsn(Opcodes.ALOAD, VALUE);
            method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SELF, "set", "(ILjava/lang/Object;Ljava/lang/Object;)V", false);
            method.visitLabel(next);
        }
        method.visitLabel(callNext(method, "write", descriptor, false));
        method.visitInsn(Opcodes.RETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
    }

    /**
     * Calls method {@code name} of the next part with this method's arguments, from this class's own call site (so
     * it has one receiver class), leaving its result on the stack; returns the label to place where the code goes
     * when there is no next part.
     */
    private static Label callNext(MethodVisitor method, String name, String descriptor, boolean withFrom) {
        Label none = new Label();
        loadNext(method);
        method.visitJumpInsn(Opcodes.IFNULL, none);
        loadNext(method);
        method.visitVarInsn(Opcodes.ALOAD, ENTITY);
        method.visitVarInsn(Opcodes.ALOAD, ROW);
        if (withFrom) {
            method.visitVarInsn(Opcodes.ILOAD, FROM);
        }
        method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SELF, name, descriptor, false);
        return none;
    }

    private static void loadNext(MethodVisitor method) {
        method.visitVarInsn(Opcodes.ALOAD, THIS);
        method.visitFieldInsn(Opcodes.GETFIELD, SELF, "next", "L" + SELF + ";");
    }

    /** How the generated dirty check compares a field with its snapshot value. */
    private enum Comparison {
        /** Related objects (by identity, as {@link AttributeModel#differs} does) and enum constants. */
        IDENTITY,
        /** {@code int}, {@code long} and the smaller whole numbers and {@code boolean}: unboxed. */
        INT,
        LONG,
        /** Final classes whose {@code equals} is value equality, but {@code BigDecimal} (compared by scale-free value). */
        EQUALS,
        /** Anything else ({@code BigDecimal}, arrays, floating point, declared supertypes): the attribute decides. */
        ATTRIBUTE
    }

    private static Comparison comparison(AttributeModel attribute) {
        Class<?> type = attribute.field().getType();
        if (attribute.isReference() || type.isEnum()) {
            return Comparison.IDENTITY;
        }
        if (type == long.class) {
            return Comparison.LONG;
        }
        if (type == int.class || type == short.class || type == byte.class || type == char.class || type == boolean.class) {
            return Comparison.INT;
        }
        boolean valueType = type == String.class || type.getPackageName().equals("java.time") || type == java.util.UUID.class
                || (type != BigDecimal.class && Number.class.isAssignableFrom(type) && type.getPackageName().equals("java.lang")
                && type != Double.class && type != Float.class) || type == Boolean.class || type == Character.class;
        return valueType && Modifier.isFinal(type.getModifiers()) ? Comparison.EQUALS : Comparison.ATTRIBUTE;
    }

    /** {@code nextChanged}: the fields in row order, each skipped below {@code from}, the first that differs returned. */
    private static void nextChanged(ClassWriter writer, String hostName, AttributeModel[] attributes, int[] slots) {
        String descriptor = "(Ljava/lang/Object;[Ljava/lang/Object;I)I";
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC, "nextChanged", descriptor, null, null);
        castEntity(method, hostName, "nextChangedThroughAttributes", descriptor, true, Opcodes.IRETURN);
        for (int slot : slots) {
            Field field = attributes[slot].field();
            Label same = new Label();
            Label changed = new Label();
            method.visitVarInsn(Opcodes.ILOAD, FROM);
            method.visitLdcInsn(slot);
            method.visitJumpInsn(Opcodes.IF_ICMPGT, same);
            compare(method, hostName, field, comparison(attributes[slot]), slot, same, changed);
            method.visitLabel(changed);
            method.visitLdcInsn(slot);
            method.visitInsn(Opcodes.IRETURN);
            method.visitLabel(same);
        }
        // None of this class's fields changed: the next part's answer.
        Label none = callNext(method, "nextChanged", descriptor, true);
        method.visitInsn(Opcodes.IRETURN);
        method.visitLabel(none);
        method.visitInsn(Opcodes.ICONST_M1);
        method.visitInsn(Opcodes.IRETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
    }

    /** Jumps to {@code same} when field and snapshot value are equal, else to (or falls through to) {@code changed}. */
    private static void compare(MethodVisitor method, String hostName, Field field, Comparison comparison, int slot, Label same, Label changed) {
        String fieldType = Type.getDescriptor(field.getType());
        switch (comparison) {
            case IDENTITY -> {
                method.visitVarInsn(Opcodes.ALOAD, HOST);
                method.visitFieldInsn(Opcodes.GETFIELD, hostName, field.getName(), fieldType);
                loadRowValue(method, slot);
                method.visitJumpInsn(Opcodes.IF_ACMPEQ, same);
                method.visitJumpInsn(Opcodes.GOTO, changed);
            }
            case INT, LONG -> {
                String boxed = Type.getInternalName(JavaTypes.boxed(field.getType()));
                Label attribute = new Label();
                loadRowValue(method, slot);
                method.visitTypeInsn(Opcodes.INSTANCEOF, boxed);
                method.visitJumpInsn(Opcodes.IFEQ, attribute);
                loadRowValue(method, slot);
                method.visitTypeInsn(Opcodes.CHECKCAST, boxed);
                method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, boxed, field.getType().getName() + "Value", "()" + fieldType, false);
                method.visitVarInsn(Opcodes.ALOAD, HOST);
                method.visitFieldInsn(Opcodes.GETFIELD, hostName, field.getName(), fieldType);
                if (comparison == Comparison.LONG) {
                    method.visitInsn(Opcodes.LCMP);
                    method.visitJumpInsn(Opcodes.IFEQ, same);
                } else {
                    method.visitJumpInsn(Opcodes.IF_ICMPEQ, same);
                }
                method.visitJumpInsn(Opcodes.GOTO, changed);
                method.visitLabel(attribute);
                throughAttribute(method, slot, same, changed);
            }
            case EQUALS -> {
                String owner = Type.getInternalName(field.getType());
                method.visitVarInsn(Opcodes.ALOAD, HOST);
                method.visitFieldInsn(Opcodes.GETFIELD, hostName, field.getName(), fieldType);
                method.visitVarInsn(Opcodes.ASTORE, VALUE);
                method.visitVarInsn(Opcodes.ALOAD, VALUE);
                loadRowValue(method, slot);
                method.visitJumpInsn(Opcodes.IF_ACMPEQ, same);
                method.visitVarInsn(Opcodes.ALOAD, VALUE);
                method.visitJumpInsn(Opcodes.IFNULL, changed);
                method.visitVarInsn(Opcodes.ALOAD, VALUE);
                method.visitTypeInsn(Opcodes.CHECKCAST, owner);
                loadRowValue(method, slot);
                method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, "equals", "(Ljava/lang/Object;)Z", false);
                method.visitJumpInsn(Opcodes.IFNE, same);
                method.visitJumpInsn(Opcodes.GOTO, changed);
            }
            case ATTRIBUTE -> throughAttribute(method, slot, same, changed);
        }
    }

    private static void throughAttribute(MethodVisitor method, int slot, Label same, Label changed) {
        method.visitVarInsn(Opcodes.ALOAD, THIS);
        method.visitLdcInsn(slot);
        method.visitVarInsn(Opcodes.ALOAD, ENTITY);
        loadRowValue(method, slot);
        method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SELF, "changed", "(ILjava/lang/Object;Ljava/lang/Object;)Z", false);
        method.visitJumpInsn(Opcodes.IFEQ, same);
        method.visitJumpInsn(Opcodes.GOTO, changed);
    }
}
