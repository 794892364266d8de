package io.sops4j.example;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** application.yaml values built from decrypted ones through placeholders. */
@ConfigurationProperties("app")
public record AppProperties(String datasourceUrl) {
}
