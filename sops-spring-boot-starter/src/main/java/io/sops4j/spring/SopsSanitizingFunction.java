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
 * {@link SopsPropertySource}, and values elsewhere that equal a decrypted value or contain one of
 * at least {@value #MIN_EMBEDDED_LENGTH} characters (a placeholder that copied a secret).
 */
final class SopsSanitizingFunction implements SanitizingFunction {

    static final int MIN_EMBEDDED_LENGTH = 6;

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
            if (value.equals(secret) || (secret.length() >= MIN_EMBEDDED_LENGTH && value.contains(secret))) {
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
                    String text = value.toString();
                    if (!text.isEmpty()) {
                        secrets.add(text);
                    }
                }
            }
        }
        return secrets;
    }
}
