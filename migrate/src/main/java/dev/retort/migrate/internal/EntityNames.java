package dev.retort.migrate.internal;

import java.util.ArrayList;
import java.util.List;

import dev.retort.ConfigurationException;

/**
 * The entity classes named on a command line: each name is a class, or a package whose {@code @Entity}
 * classes (sub-packages included) core's {@link dev.retort.boot.EntityScanner} finds on the class path.
 * Stateless.
 */
public final class EntityNames {
    private EntityNames() {
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
        return List.copyOf(new dev.retort.boot.EntityScanner(loader).entitiesIn(packageName));
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new ConfigurationException("Cannot load class " + name + ": " + e.getMessage(), e);
        }
    }
}
