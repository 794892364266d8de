package io.sops4j.spring;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/** With the actuator present, masks SOPS-decrypted values in its endpoints. */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class SopsActuatorAutoConfiguration {

    /** The bean name of the masking function. */
    public static final String SANITIZING_FUNCTION_BEAN = "sopsSanitizingFunction";

    @Bean(SANITIZING_FUNCTION_BEAN)
    @ConditionalOnMissingBean(name = SANITIZING_FUNCTION_BEAN)
    SanitizingFunction sopsSanitizingFunction(ConfigurableEnvironment environment) {
        return new SopsSanitizingFunction(environment);
    }
}
