package dev.retort.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import jakarta.persistence.Entity;

/**
 * Finds {@code @Entity} classes in packages (and their sub-packages) on the class path: for CDI bean
 * archives whose discovery mode ({@code annotated}, the default) fires no event for classes that are not
 * beans, and for the migration command line's packages. Reads class-path directories and jars; classes are
 * loaded without being initialized.
 */
public final class EntityScanner {
    private final ClassLoader loader;

    public EntityScanner(ClassLoader loader) {
        this.loader = loader;
    }

    /** The entity classes in {@code packageName} and below, in name order; empty if there are none. */
    public Set<Class<?>> entitiesIn(String packageName) {
        String path = packageName.replace('.', '/');
        Set<String> classNames = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(path);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if (root.getProtocol().equals("file")) {
                    collectFromDirectory(Path.of(root.toURI()), packageName, classNames);
                } else if (root.getProtocol().equals("jar")) {
                    collectFromJar(root, path, classNames);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read package " + packageName + " from the class path: " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot read package " + packageName + " from the class path: " + e.getMessage(), e);
        }
        Set<Class<?>> entities = new LinkedHashSet<>();
        for (String className : classNames) {
            Class<?> type = load(className);
            if (type != null && type.isAnnotationPresent(Entity.class)) {
                entities.add(type);
            }
        }
        return entities;
    }

    private static void collectFromDirectory(Path directory, String packageName, Set<String> classNames) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.filter(file -> isClassFile(file.getFileName().toString())).forEach(file -> {
                String relative = directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                classNames.add(packageName + "." + relative.substring(0, relative.length() - ".class".length()));
            });
        }
    }

    private static void collectFromJar(URL root, String path, Set<String> classNames) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.startsWith(path + "/") && isClassFile(name.substring(name.lastIndexOf('/') + 1))) {
                    classNames.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
    }

    /** Top-level and nested classes; not package-info or module-info. */
    private static boolean isClassFile(String fileName) {
        return fileName.endsWith(".class") && !fileName.equals("package-info.class") && !fileName.equals("module-info.class");
    }

    private Class<?> load(String className) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            // A class whose dependencies are missing cannot be an entity the application uses.
            return null;
        }
    }
}
