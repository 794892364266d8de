package io.sops4j.spring;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Once all configuration is read, refuses key material in a {@code sops.*} property of any property
 * source but the process environment, also where a source of higher precedence hides it (such as
 * {@code sops.age.key} in {@code application.yaml} next to the {@code SOPS_AGE_KEY} variable).
 */
class KeyMaterialGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        KeySettings.rejectKeyMaterial(ConfigurationPropertySources.from(event.getEnvironment().getPropertySources()));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
