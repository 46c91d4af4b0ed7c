package dev.retort.it.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.retort.ConfigurationException;
import dev.retort.it.cdi.model.Item;

/**
 * A Weld SE application that writes its {@code retort.*} keys in META-INF/microprofile-config.properties but has no
 * MicroProfile Config implementation (this module has none): the deployment fails naming the file, the keys and the
 * fix, instead of going on without them and failing later for a reason that points elsewhere.
 */
class UnreadConfigFileTest {
    @TempDir
    Path folder;

    @Test
    void retortKeysInAFileNothingReadsFailTheDeployment() throws IOException {
        Path file = folder.resolve("META-INF/microprofile-config.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "retort.packages=com.example.shop.model\nretort.log.sql=true\nother.key=1\n");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {folder.toUri().toURL()}, previous)) {
            thread.setContextClassLoader(loader);

            Throwable failure = catchThrowable(() -> WeldContainers.start("unread-config-file", H2Pool.class, Item.class)
                    .shutdown());

            String message = file.toUri().toURL() + " sets retort.log.sql, retort.packages, but the application has no "
                    + "MicroProfile Config implementation to read it, so Retort reads system properties only. To fix this, "
                    + "add one (for example io.smallrye.config:smallrye-config), or pass the keys as system properties "
                    + "(-Dretort.log.sql=...).";
            assertThat(failure).isInstanceOf(DeploymentException.class).hasMessage(message);
            assertThat(failure.getCause()).isInstanceOf(ConfigurationException.class).hasMessage(message);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
