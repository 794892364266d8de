package io.sops4j.spring;

import java.util.HashSet;
import java.util.Set;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Masks every value that comes from a SOPS file in the actuator's {@code env} and
 * {@code configprops} endpoints, whatever {@code show-values} says: values read from a
 * {@link SopsPropertySource}, and values elsewhere that contain a decrypted text value of at least
 * {@value #MIN_COPIED_LENGTH} characters (a placeholder that copied a secret). Shorter values, numbers
 * and booleans are masked only where they come from the SOPS file: matching them elsewhere would
 * hide unrelated settings such as {@code true} or {@code 8080}.
 */
final class SopsSanitizingFunction implements SanitizingFunction {

    static final int MIN_COPIED_LENGTH = 8;

    private final ConfigurableEnvironment environment;

    SopsSanitizingFunction(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public SanitizableData apply(SanitizableData data) {
        if (data.getValue() == null) {
            return data;
        }
        if (data.getPropertySource() instanceof SopsPropertySource || holdsSecret(data.getValue().toString())) {
            return data.withSanitizedValue();
        }
        return data;
    }

    private boolean holdsSecret(String value) {
        for (String secret : secrets()) {
            if (value.contains(secret)) {
                return true;
            }
        }
        return false;
    }

    private Set<String> secrets() {
        Set<String> secrets = new HashSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof SopsPropertySource sops) {
                for (Object value : sops.getSource().values()) {
                    if (value instanceof String text && text.length() >= MIN_COPIED_LENGTH) {
                        secrets.add(text);
                    }
                }
            }
        }
        return secrets;
    }
}
