package dev.retort.processor;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Generates the typed metamodel: for each {@code @Entity User}, a class {@code User_} in the same package
 * with one {@code Attribute<User, V>} per mapped column field and one {@code Relation<User, T>} per
 * relationship field, as {@code EntityMappings} reads them (fields of the entity and of its
 * {@code @MappedSuperclass} and {@code @Entity} ancestors, without static, transient and {@code @Transient}
 * ones). A nested entity {@code Outer.Inner} gets {@code Outer_Inner_}. Found by javac on the class path
 * through {@code META-INF/services}; output depends only on the sources, so builds are reproducible, and
 * each file names its entity as originating element, so incremental compilers regenerate only what changed.
 */
@SupportedAnnotationTypes("jakarta.persistence.Entity")
public final class MetamodelProcessor extends AbstractProcessor {
    private static final String MAPPED_SUPERCLASS = "jakarta.persistence.MappedSuperclass";
    private static final String ENTITY = "jakarta.persistence.Entity";
    private static final Set<String> SKIPPED_ANNOTATIONS = Set.of("jakarta.persistence.Transient");
    private static final Set<String> RELATIONSHIPS = Set.of("jakarta.persistence.OneToMany",
            "jakarta.persistence.ManyToOne", "jakarta.persistence.OneToOne", "jakarta.persistence.ManyToMany");

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (TypeElement entity : ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation))) {
                if (generatable(entity)) {
                    generate(entity);
                }
            }
        }
        return false;
    }

    /** Entities the generated class can name: not private, not local, not inner (non-static), not generic. */
    private boolean generatable(TypeElement entity) {
        if (entity.getKind() != ElementKind.CLASS) {
            return false;
        }
        for (Element element = entity; element instanceof TypeElement type; element = element.getEnclosingElement()) {
            boolean nested = type.getNestingKind() == NestingKind.MEMBER;
            if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS
                    || type.getModifiers().contains(Modifier.PRIVATE)
                    || nested && !type.getModifiers().contains(Modifier.STATIC)) {
                note(entity, "no metamodel for " + entity.getQualifiedName() + ": the generated class could not refer to it "
                        + "(it is private, local or an inner class)");
                return false;
            }
        }
        if (!entity.getTypeParameters().isEmpty()) {
            note(entity, "no metamodel for " + entity.getQualifiedName() + ": generic entities are not supported");
            return false;
        }
        return true;
    }

    private void generate(TypeElement entity) {
        String packageName = processingEnv.getElementUtils().getPackageOf(entity).getQualifiedName().toString();
        String entityName = relativeName(entity, packageName);
        String className = entityName.replace('.', '_') + "_";
        String qualified = packageName.isEmpty() ? className : packageName + "." + className;
        MetamodelSource source = new MetamodelSource(packageName, className, entityName);
        for (VariableElement field : mappedFields(entity)) {
            String name = field.getSimpleName().toString();
            if (field.getAnnotationMirrors().stream().anyMatch(mirror -> RELATIONSHIPS.contains(
                    ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString()))) {
                TypeMirror type = field.asType();
                if (type instanceof DeclaredType declared && !declared.getTypeArguments().isEmpty()) {
                    type = declared.getTypeArguments().get(0);
                }
                source.relation(name, typeName(type, packageName));
            } else {
                source.attribute(name, typeName(field.asType(), packageName));
            }
        }
        try (Writer writer = processingEnv.getFiler().createSourceFile(qualified, entity).openWriter()) {
            writer.write(source.render());
        } catch (FilerException e) {
            // Already generated in an earlier round of this compilation.
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "Cannot write the metamodel " + qualified + ": " + e.getMessage(), entity);
        }
    }

    /** Mapped fields, root ancestor first, in declaration order, as the mapping reads them. */
    private List<VariableElement> mappedFields(TypeElement entity) {
        Deque<TypeElement> hierarchy = new ArrayDeque<>();
        hierarchy.push(entity);
        for (TypeMirror parent = entity.getSuperclass(); parent.getKind() == TypeKind.DECLARED; ) {
            TypeElement type = (TypeElement) ((DeclaredType) parent).asElement();
            if (hasAnnotation(type, MAPPED_SUPERCLASS) || hasAnnotation(type, ENTITY)) {
                hierarchy.push(type);
            }
            parent = type.getSuperclass();
        }
        List<VariableElement> fields = new ArrayList<>();
        for (TypeElement type : hierarchy) {
            for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
                Set<Modifier> modifiers = field.getModifiers();
                if (modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.TRANSIENT)
                        || field.getAnnotationMirrors().stream().anyMatch(mirror -> SKIPPED_ANNOTATIONS.contains(
                                ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString()))) {
                    continue;
                }
                fields.add(field);
            }
        }
        return fields;
    }

    private static boolean hasAnnotation(TypeElement type, String annotation) {
        return type.getAnnotationMirrors().stream().anyMatch(mirror ->
                ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotation));
    }

    /** The boxed type as source text: simple where {@code java.lang} or the same package, else qualified. */
    private String typeName(TypeMirror type, String packageName) {
        if (type.getKind().isPrimitive()) {
            return processingEnv.getTypeUtils().boxedClass((javax.lang.model.type.PrimitiveType) type).getSimpleName().toString();
        }
        if (type.getKind() == TypeKind.ARRAY) {
            TypeMirror component = ((javax.lang.model.type.ArrayType) type).getComponentType();
            return (component.getKind().isPrimitive() ? component.toString() : typeName(component, packageName)) + "[]";
        }
        if (type.getKind() == TypeKind.DECLARED) {
            TypeElement element = (TypeElement) ((DeclaredType) processingEnv.getTypeUtils().erasure(type)).asElement();
            String elementPackage = processingEnv.getElementUtils().getPackageOf(element).getQualifiedName().toString();
            if (elementPackage.equals(packageName) || elementPackage.equals("java.lang")) {
                return relativeName(element, elementPackage);
            }
            return element.getQualifiedName().toString();
        }
        return processingEnv.getTypeUtils().erasure(type).toString();
    }

    /** {@code Outer.Inner} for a nested type, relative to its package. */
    private static String relativeName(TypeElement type, String packageName) {
        String qualified = type.getQualifiedName().toString();
        return packageName.isEmpty() ? qualified : qualified.substring(packageName.length() + 1);
    }

    private void note(Element element, String message) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, "Retort: " + message, element);
    }
}
