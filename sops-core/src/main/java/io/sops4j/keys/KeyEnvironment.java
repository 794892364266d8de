package io.sops4j.keys;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where key sources look for credentials: environment variables and the user's home directory.
 * The default is the real process environment; tests, the Maven plugin and the Spring starter
 * can pass their own so that key discovery never depends on mutable global state. It also names
 * who wraps and unwraps data keys: the keys of this environment (the local key service, on by
 * default) and then any {@link KeyService}s, in order.
 */
public final class KeyEnvironment {

    private final Map<String, String> variables;
    private final Path home;
    private final boolean localKeyService;
    private final List<KeyService> keyServices;

    private KeyEnvironment(Map<String, String> variables, Path home) {
        this(variables, home, true, List.of());
    }

    private KeyEnvironment(Map<String, String> variables, Path home, boolean localKeyService, List<KeyService> keyServices) {
        this.variables = Map.copyOf(variables);
        this.home = home;
        this.localKeyService = localKeyService;
        this.keyServices = List.copyOf(keyServices);
    }

    /**
     * The process environment; the home directory is {@code $HOME} as sops reads it, else the JVM's {@code user.home}.
     *
     * @return the process environment
     */
    public static KeyEnvironment system() {
        Map<String, String> variables = System.getenv();
        return new KeyEnvironment(variables, userHome(variables, System.getProperty("os.name", ""),
                System.getProperty("user.home")));
    }

    /** Go's {@code os.UserHomeDir}: {@code HOME} ({@code USERPROFILE} on Windows), else {@code fallback}. */
    static Path userHome(Map<String, String> variables, String osName, String fallback) {
        String home = variables.get(osName.startsWith("Windows") ? "USERPROFILE" : "HOME");
        return Path.of(home == null || home.isEmpty() ? fallback : home);
    }

    /**
     * Other environment variables and another home directory, for example for tests or servers.
     *
     * @param variables the environment variables
     * @param home the home directory
     * @return the environment
     */
    public static KeyEnvironment of(Map<String, String> variables, Path home) {
        return new KeyEnvironment(variables, Objects.requireNonNull(home, "home"));
    }

    /**
     * This environment with {@code name} set to {@code value} (or removed when value is null).
     *
     * @param name the variable name
     * @param value the value, or {@code null} to remove the variable
     * @return this environment with {@code name} set to {@code value} (or removed when value is null)
     */
    public KeyEnvironment with(String name, String value) {
        Map<String, String> copy = new java.util.HashMap<>(variables);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new KeyEnvironment(copy, home, localKeyService, keyServices);
    }

    /**
     * This environment with {@code services} asked after the local keys, in order, as upstream's
     * {@code --keyservice}.
     *
     * @param services the key services, replacing any named before
     * @return this environment with these key services
     */
    public KeyEnvironment withKeyServices(List<? extends KeyService> services) {
        return new KeyEnvironment(variables, home, localKeyService, List.copyOf(services));
    }

    /**
     * This environment with its own keys used or not, as upstream's {@code --enable-local-keyservice}.
     *
     * @param enabled whether the keys of this environment wrap and unwrap data keys
     * @return this environment with the local key service on or off
     */
    public KeyEnvironment withLocalKeyService(boolean enabled) {
        return new KeyEnvironment(variables, home, enabled, keyServices);
    }

    /**
     * Whether the keys of this environment wrap and unwrap data keys; {@code true} by default.
     *
     * @return whether the local key service is on
     */
    public boolean localKeyService() {
        return localKeyService;
    }

    /**
     * The key services asked after the local keys, in order; empty by default.
     *
     * @return the key services
     */
    public List<KeyService> keyServices() {
        return keyServices;
    }

    /**
     * A variable's value; empty when unset or set to the empty string, as Go's lookups treat it.
     *
     * @param name the variable name
     * @return the value, or empty when the variable is not set
     */
    public Optional<String> get(String name) {
        String value = variables.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /**
     * The environment variables key sources read.
     *
     * @return the environment variables key sources read
     */
    public Map<String, String> variables() {
        return variables;
    }

    /**
     * The home directory key files are found under.
     *
     * @return the home directory key files are found under
     */
    public Path home() {
        return home;
    }
}
