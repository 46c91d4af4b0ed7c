package dev.retort.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.retort.quarkus.runtime.RetortBuildTimeConfig;
import dev.retort.quarkus.runtime.RetortRuntimeConfig;
import io.smallrye.config.WithName;

/** The configuration table of README.md's Quarkus section lists every key of the config interfaces, and no other. */
class ConfigKeysDocumentedTest {
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `(quarkus\\.retort\\.[^`]+)` \\|", Pattern.MULTILINE);

    @Test
    void theReadmeTableListsEveryKey() throws IOException {
        TreeSet<String> keys = new TreeSet<>();
        collect("quarkus.retort.", RetortBuildTimeConfig.Unit.class, keys);
        collect("quarkus.retort.", RetortRuntimeConfig.Unit.class, keys);
        collect("quarkus.retort.", RetortBuildTimeConfig.class, keys);
        String readme = Files.readString(Path.of("..", "README.md"));
        String quarkusSection = readme.substring(readme.indexOf("\n## Quarkus\n"), readme.indexOf("\n## Proxy driver\n"));
        TreeSet<String> documented = new TreeSet<>();
        Matcher row = TABLE_ROW.matcher(quarkusSection);
        while (row.find()) {
            documented.add(row.group(1));
        }
        assertThat(documented).containsExactlyElementsOf(keys);
    }

    /**
     * The keys of a config group: a method returning a nested config interface is a group of its own; the map of
     * units is left out (the units' keys are collected from Unit).
     */
    private static void collect(String prefix, Class<?> group, TreeSet<String> keys) {
        for (Method method : group.getDeclaredMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.isDefault() || method.getReturnType() == Map.class) {
                continue;
            }
            WithName renamed = method.getAnnotation(WithName.class);
            String name = prefix + (renamed != null ? renamed.value() : kebab(method.getName()));
            Class<?> type = method.getReturnType();
            boolean nestedGroup = type.isInterface() && (Arrays.asList(RetortRuntimeConfig.class.getDeclaredClasses()).contains(type)
                    || Arrays.asList(RetortBuildTimeConfig.class.getDeclaredClasses()).contains(type));
            if (nestedGroup) {
                collect(name + ".", type, keys);
            } else {
                keys.add(name);
            }
        }
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }
}
