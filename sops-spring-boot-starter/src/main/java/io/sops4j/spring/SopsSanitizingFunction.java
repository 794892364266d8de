package io.sops4j.spring;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Masks every value that comes from a SOPS file in the actuator's {@code env} and
 * {@code configprops} endpoints, whatever {@code show-values} says: values read from a
 * {@link SopsPropertySource}, and values elsewhere that contain a decrypted text value of at least
 * {@value #MIN_COPIED_LENGTH} characters (a placeholder that copied a secret). Shorter values, numbers
 * and booleans are masked only where they come from the SOPS file: matching them elsewhere would
 * hide unrelated settings such as {@code true} or {@code 8080}.
 *
 * <p>The decrypted texts are remembered from startup on, and again after each refresh of the
 * environment (Spring Cloud's {@code EnvironmentChangeEvent}), so a bean that still holds a copy of
 * a secret the file no longer has (an immutable {@code @ConfigurationProperties} that a refresh does
 * not rebind) stays masked too.
 */
final class SopsSanitizingFunction implements SanitizingFunction, ApplicationListener<ApplicationEvent> {

    static final int MIN_COPIED_LENGTH = 8;
    private static final String ENVIRONMENT_CHANGE_EVENT = "org.springframework.cloud.context.environment.EnvironmentChangeEvent";

    private final ConfigurableEnvironment environment;
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    SopsSanitizingFunction(ConfigurableEnvironment environment) {
        this.environment = environment;
        rememberSecrets();
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event.getClass().getName().equals(ENVIRONMENT_CHANGE_EVENT)) {
            rememberSecrets();
        }
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
        rememberSecrets();
        for (String secret : secrets) {
            if (value.contains(secret)) {
                return true;
            }
        }
        return false;
    }

    private void rememberSecrets() {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof SopsPropertySource sops) {
                for (Object value : sops.getSource().values()) {
                    if (value instanceof String text && text.length() >= MIN_COPIED_LENGTH) {
                        secrets.add(text);
                    }
                }
            }
        }
    }
}
