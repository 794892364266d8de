package io.sops4j.keys.age;

import io.sops4j.keys.KeyEnvironment;
import java.time.Duration;

/**
 * Where age plugins run: the environment whose {@code PATH} finds {@code age-plugin-NAME} and that
 * the plugin inherits, the user interface answering its requests, and how long one plugin step
 * may take before the plugin is stopped.
 */
record PluginHost(KeyEnvironment environment, PluginUi ui, Duration timeout) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    static PluginHost terminal(KeyEnvironment environment) {
        return new PluginHost(environment, TerminalPluginUi.system(), DEFAULT_TIMEOUT);
    }
}
