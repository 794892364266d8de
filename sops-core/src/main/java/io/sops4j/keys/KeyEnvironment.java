package io.sops4j.keys;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where key sources look for credentials: environment variables and the user's home directory.
 * The default is the real process environment; tests, the Maven plugin and the Spring starter
 * can pass their own so that key discovery never depends on mutable global state.
 */
public final class KeyEnvironment {

    private final Map<String, String> variables;
    private final Path home;

    private KeyEnvironment(Map<String, String> variables, Path home) {
        this.variables = Map.copyOf(variables);
        this.home = home;
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
        return new KeyEnvironment(copy, home);
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
