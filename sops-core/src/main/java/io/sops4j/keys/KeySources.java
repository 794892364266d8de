package io.sops4j.keys;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The key sources on the class path, by metadata type. */
public final class KeySources {

    private static volatile KeySources installed;

    private final Map<String, KeySource> byType;

    private KeySources(Map<String, KeySource> byType) {
        this.byType = Collections.unmodifiableMap(byType);
    }

    /** Every {@link KeySource} registered in {@code META-INF/services}, loaded once. */
    public static KeySources installed() {
        KeySources sources = installed;
        if (sources == null) {
            Map<String, KeySource> found = new LinkedHashMap<>();
            for (KeySource source : ServiceLoader.load(KeySource.class, KeySources.class.getClassLoader())) {
                found.putIfAbsent(source.type(), source);
            }
            sources = new KeySources(found);
            installed = sources;
        }
        return sources;
    }

    public static KeySources of(KeySource... sources) {
        Map<String, KeySource> map = new LinkedHashMap<>();
        for (KeySource source : sources) {
            map.put(source.type(), source);
        }
        return new KeySources(map);
    }

    public Optional<KeySource> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Map<String, KeySource> byType() {
        return byType;
    }
}
