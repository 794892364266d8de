package io.sops4j.kms;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A class loader over this test's class path with some libraries left out, as an application without them sees it. */
public final class IsolatedClassPath {

    private IsolatedClassPath() {
    }

    public static URLClassLoader without(String... pathFragments) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            String normalized = entry.replace('\\', '/');
            boolean excluded = false;
            for (String fragment : pathFragments) {
                excluded |= normalized.contains(fragment);
            }
            if (!excluded && !entry.isEmpty()) {
                try {
                    urls.add(Path.of(entry).toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
