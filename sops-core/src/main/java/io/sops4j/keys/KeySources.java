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

    /**
     * Every {@link KeySource} registered in {@code META-INF/services}, loaded once.
     *
     * @return every {@link KeySource} registered in {@code META-INF/services}, loaded once
     */
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

    /**
     * Exactly {@code sources}, by their {@link KeySource#type()}.
     *
     * @param sources the key sources
     * @return these sources
     */
    public static KeySources of(KeySource... sources) {
        Map<String, KeySource> map = new LinkedHashMap<>();
        for (KeySource source : sources) {
            map.put(source.type(), source);
        }
        return new KeySources(map);
    }

    /**
     * The source of a key type such as {@code age} or {@code kms}.
     *
     * @param type the key type
     * @return the source, or empty when none is installed for the type
     */
    public Optional<KeySource> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /**
     * Every source, by key type.
     *
     * @return every source, by key type
     */
    public Map<String, KeySource> byType() {
        return byType;
    }
}
