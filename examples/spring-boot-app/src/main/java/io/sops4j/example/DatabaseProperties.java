package io.sops4j.example;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Bound from the {@code database} mapping of secrets.sops.yaml ({@code pool_size_unencrypted} by relaxed binding). */
@ConfigurationProperties("database")
public record DatabaseProperties(String host, int port, String username, String password, int poolSizeUnencrypted) {
}
