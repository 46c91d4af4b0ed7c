package dev.retort.it.cdi;

import java.util.ServiceLoader;

import jakarta.enterprise.inject.spi.Extension;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/** Boots Weld SE on exactly the given classes, with the extensions the class path declares (Retort's, Narayana's). */
final class WeldContainers {
    private WeldContainers() {
    }

    static WeldContainer start(String name, Class<?>... beanClasses) {
        Weld weld = new Weld(name).disableDiscovery().addBeanClasses(beanClasses);
        // Without discovery Weld SE reads no service files, so the extensions they declare are added here.
        ServiceLoader.load(Extension.class).forEach(weld::addExtension);
        return weld.initialize();
    }
}
