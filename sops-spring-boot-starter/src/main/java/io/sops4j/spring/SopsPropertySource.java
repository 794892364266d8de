package io.sops4j.spring;

import java.util.Collections;
import java.util.Map;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * The decrypted properties of one document of a SOPS file. Its name starts with {@value #NAME_PREFIX};
 * every value it holds is a secret, and the actuator endpoints mask them all.
 */
public final class SopsPropertySource extends EnumerablePropertySource<Map<String, Object>>
        implements OriginLookup<String> {

    /** The prefix of every SOPS property source name. */
    public static final String NAME_PREFIX = "sops:";

    private final String file;

    SopsPropertySource(String name, String file, Map<String, Object> properties) {
        super(name, Collections.unmodifiableMap(properties));
        this.file = file;
    }

    /** The imported file, as {@code classpath:secrets.sops.yaml} or {@code file [/app/local.sops.yaml]}. */
    public String file() {
        return file;
    }

    @Override
    public String[] getPropertyNames() {
        return getSource().keySet().toArray(String[]::new);
    }

    @Override
    public Object getProperty(String name) {
        return getSource().get(name);
    }

    @Override
    public boolean containsProperty(String name) {
        return getSource().containsKey(name);
    }

    @Override
    public Origin getOrigin(String key) {
        return containsProperty(key) ? new SopsOrigin(file, key) : null;
    }

    @Override
    public boolean isImmutable() {
        return true;
    }

    private record SopsOrigin(String file, String key) implements Origin {
        @Override
        public String toString() {
            return "\"" + key + "\" from SOPS file " + file;
        }
    }
}
