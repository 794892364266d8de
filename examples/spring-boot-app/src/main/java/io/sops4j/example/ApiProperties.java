package io.sops4j.example;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Bound from the {@code api} mapping of secrets.sops.yaml. */
@ConfigurationProperties("api")
public record ApiProperties(String stripeKey, String webhookSecret, List<String> allowedOrigins) {
}
