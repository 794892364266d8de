package io.sops4j.cli;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.keys.KeySource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The key sources in an installation's {@code lib/kms/}: {@code sops-kms} and the cloud SDKs, in a
 * class loader of their own made on first use. Only the jar that registers the key sources is
 * opened for that; an SDK's jars are opened when a key calls the SDK.
 */
final class CloudKeySources {

    private static final String REGISTRATION = "META-INF/services/" + KeySource.class.getName();

    private final Path directory;
    private Map<String, KeySource> byType;
    private URLClassLoader loader;

    CloudKeySources(Path directory) {
        this.directory = directory;
    }

    synchronized KeySource source(String type) {
        if (byType == null) {
            byType = load();
        }
        KeySource source = byType.get(type);
        if (source == null) {
            throw new SopsException(ExitCode.GENERIC, "no key source for '" + type + "' keys is installed in " + directory);
        }
        return source;
    }

    /** The class loader of the directory's jars, made once. */
    synchronized ClassLoader loader() {
        if (loader == null) {
            loader = new URLClassLoader("sops4j-kms", urls(), CloudKeySources.class.getClassLoader());
            // the SDKs look for their own providers (HTTP clients, credentials) through this loader
            Thread.currentThread().setContextClassLoader(loader);
        }
        return loader;
    }

    private Map<String, KeySource> load() {
        URLClassLoader loader = (URLClassLoader) loader();
        Map<String, KeySource> found = new HashMap<>();
        URL registration = loader.findResource(REGISTRATION);
        if (registration == null) {
            return found;
        }
        for (String name : classNames(registration)) {
            try {
                KeySource source = Class.forName(name, true, loader).asSubclass(KeySource.class)
                        .getConstructor().newInstance();
                found.putIfAbsent(source.type(), source);
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new SopsException(ExitCode.GENERIC, "cannot load key source " + name + " from " + directory + ": " + e, e);
            }
        }
        return found;
    }

    /**
     * The jars, the one registering key sources first and then the key service's, so that looking
     * either up opens no other.
     */
    private URL[] urls() {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> jars = new ArrayList<>(files.filter(file -> file.getFileName().toString().endsWith(".jar")).toList());
            jars.sort(Comparator.comparingInt(CloudKeySources::rank).thenComparing(jar -> jar.getFileName().toString()));
            URL[] urls = new URL[jars.size()];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = jars.get(i).toUri().toURL();
            }
            return urls;
        } catch (IOException e) {
            throw new SopsException(ExitCode.GENERIC, "cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    private static int rank(Path jar) {
        String name = jar.getFileName().toString();
        return name.startsWith("sops-kms-") ? 0 : name.startsWith("sops-keyservice-") ? 1 : 2;
    }

    /** The provider-configuration file's class names, as {@link java.util.ServiceLoader} reads it. */
    private static List<String> classNames(URL registration) {
        List<String> names = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(registration.openStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int comment = line.indexOf('#');
                String name = (comment < 0 ? line : line.substring(0, comment)).strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new SopsException(ExitCode.GENERIC, "cannot read " + registration + ": " + e.getMessage(), e);
        }
        return names;
    }
}
