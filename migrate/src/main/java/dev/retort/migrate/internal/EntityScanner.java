package dev.retort.migrate.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import jakarta.persistence.Entity;

import dev.retort.ConfigurationException;

/**
 * The entity classes named on a command line: each name is a class, or a package whose {@code @Entity}
 * classes (sub-packages included) are found on the class path, in folders or jars. Stateless.
 */
public final class EntityScanner {
    private EntityScanner() {
    }

    public static List<Class<?>> find(List<String> names, ClassLoader loader) {
        List<Class<?>> entities = new ArrayList<>();
        for (String name : names) {
            List<Class<?>> found = isClass(name, loader) ? List.of(load(name, loader)) : inPackage(name, loader);
            if (found.isEmpty()) {
                throw new ConfigurationException("No @Entity class is named " + name + " or lies in a package of that name "
                        + "on the class path. To fix this, give entity classes or their packages (comma-separated) and put "
                        + "their classes on the class path.");
            }
            found.stream().filter(type -> !entities.contains(type)).forEach(entities::add);
        }
        return entities;
    }

    private static boolean isClass(String name, ClassLoader loader) {
        return loader.getResource(name.replace('.', '/') + ".class") != null;
    }

    private static List<Class<?>> inPackage(String packageName, ClassLoader loader) {
        String path = packageName.replace('.', '/');
        TreeSet<String> classNames = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(path);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if (root.getProtocol().equals("jar")) {
                    try (JarFile jar = ((JarURLConnection) root.openConnection()).getJarFile()) {
                        jar.stream().map(entry -> entry.getName()).filter(entry -> entry.startsWith(path + "/"))
                                .forEach(entry -> addClassName(entry, classNames));
                    }
                } else {
                    Path folder = Path.of(root.toURI());
                    try (Stream<Path> files = Files.walk(folder)) {
                        files.forEach(file -> addClassName(path + "/" + folder.relativize(file).toString().replace('\\', '/'),
                                classNames));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the classes of package " + packageName + ": " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return classNames.stream().<Class<?>>map(name -> load(name, loader))
                .filter(type -> type.isAnnotationPresent(Entity.class)).toList();
    }

    private static void addClassName(String resource, TreeSet<String> classNames) {
        if (resource.endsWith(".class") && !resource.endsWith("module-info.class") && !resource.endsWith("package-info.class")) {
            classNames.add(resource.substring(0, resource.length() - ".class".length()).replace('/', '.'));
        }
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new ConfigurationException("Cannot load class " + name + ": " + e.getMessage(), e);
        }
    }
}
