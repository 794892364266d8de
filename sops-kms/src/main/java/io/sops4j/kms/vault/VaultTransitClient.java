package io.sops4j.kms.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sops4j.error.DataKeyException;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.kms.KeyFailure;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Vault's transit {@code encrypt} and {@code decrypt} endpoints, configured as Vault's own client
 * is: {@code VAULT_TOKEN} (else {@code ~/.vault-token}), {@code VAULT_NAMESPACE},
 * {@code VAULT_CLIENT_TIMEOUT}, {@code VAULT_MAX_RETRIES} and the TLS settings of {@link VaultTls}. Throttling
 * (429) and transient server errors (5xx but 501) are retried with exponential backoff.
 */
final class VaultTransitClient {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final int DEFAULT_MAX_RETRIES = 2;
    private static final System.Logger RETRIES = System.getLogger("io.sops4j.kms");
    static final Duration BASE_BACKOFF = Duration.ofMillis(250);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(4);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeyEnvironment environment;
    private final Duration timeout;
    private final int maxRetries;

    VaultTransitClient(KeyEnvironment environment) {
        this.environment = environment;
        this.timeout = environment.get("VAULT_CLIENT_TIMEOUT").map(VaultTransitClient::duration).orElse(DEFAULT_TIMEOUT);
        this.maxRetries = environment.get("VAULT_MAX_RETRIES").map(Integer::parseInt).orElse(DEFAULT_MAX_RETRIES);
    }

    String encrypt(VaultTransitMasterKey key, byte[] plaintext) {
        ObjectNode body = JSON.createObjectNode().put("plaintext", Base64.getEncoder().encodeToString(plaintext));
        JsonNode ciphertext = call(key, "encrypt", body).path("data").path("ciphertext");
        if (!ciphertext.isTextual()) {
            throw KeyFailure.of(key.description(), "encrypt the data key", "the response has no data.ciphertext");
        }
        return ciphertext.asText();
    }

    byte[] decrypt(VaultTransitMasterKey key) {
        ObjectNode body = JSON.createObjectNode().put("ciphertext", key.encryptedKey());
        JsonNode plaintext = call(key, "decrypt", body).path("data").path("plaintext");
        if (!plaintext.isTextual()) {
            throw KeyFailure.of(key.description(), "decrypt the data key", "the response has no data.plaintext");
        }
        try {
            return Base64.getDecoder().decode(plaintext.asText());
        } catch (IllegalArgumentException e) {
            throw KeyFailure.of(key.description(), "decrypt the data key", "data.plaintext is not valid base64");
        }
    }

    private JsonNode call(VaultTransitMasterKey key, String operation, ObjectNode body) {
        String action = operation + " the data key";
        checkAllowed(key, action);
        HttpRequest request = request(key, operation, body);
        HttpClient client = client(key, action);
        for (int attempt = 0; ; attempt++) {
            HttpResponse<byte[]> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (attempt < maxRetries && !(e instanceof java.net.http.HttpTimeoutException)) {
                    logRetry(key, action, e.getClass().getSimpleName(), attempt);
                    pause(attempt);
                    continue;
                }
                throw KeyFailure.of(key.description(), action, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw KeyFailure.of(key.description(), action, e);
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return parse(key, action, response.body());
            }
            if (attempt < maxRetries && (status == 429 || (status >= 500 && status != 501))) {
                logRetry(key, action, "HTTP " + status, attempt);
                pause(attempt);
                continue;
            }
            throw KeyFailure.of(key.description(), action, "Vault answered HTTP " + status + errors(response.body()));
        }
    }

    private void logRetry(VaultTransitMasterKey key, String action, String cause, int attempt) {
        RETRIES.log(System.Logger.Level.DEBUG, () -> key.description() + ": " + action + ": " + cause
                + ", retry " + (attempt + 1) + " of " + maxRetries);
    }

    private HttpRequest request(VaultTransitMasterKey key, String operation, ObjectNode body) {
        URI uri;
        try {
            URI base = new URI(key.address());
            String path = "/v1/" + key.enginePath() + "/" + operation + "/" + key.keyName();
            uri = new URI(base.getScheme(), base.getRawAuthority(), path, null, null);
        } catch (URISyntaxException e) {
            throw KeyFailure.of(key.description(), operation + " the data key", "invalid Vault address");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-Vault-Request", "true")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toString().getBytes(StandardCharsets.UTF_8)));
        token().ifPresent(token -> request.header("X-Vault-Token", token));
        environment.get("VAULT_NAMESPACE").ifPresent(namespace -> request.header("X-Vault-Namespace", namespace));
        return request.build();
    }

    /** {@code VAULT_TOKEN}, else the trimmed content of {@code ~/.vault-token}. */
    Optional<String> token() {
        Optional<String> token = environment.get("VAULT_TOKEN");
        if (token.isPresent()) {
            return token;
        }
        Path file = environment.home().resolve(".vault-token");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
            return stored.isEmpty() ? Optional.empty() : Optional.of(stored);
        } catch (IOException e) {
            throw new DataKeyException("cannot read the Vault token file " + file + ": " + e.getMessage());
        }
    }

    private HttpClient client(VaultTransitMasterKey key, String action) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout);
        try {
            VaultTls.context(environment).ifPresent(builder::sslContext);
        } catch (VaultTls.InvalidSetting e) {
            throw KeyFailure.of(key.description(), action, e.getMessage());
        }
        return builder.build();
    }

    /**
     * {@code SOPS_HC_VAULT_ALLOWLIST}: {@code all} (the default), {@code none}, or comma-separated
     * address prefixes, compared with a {@code /} appended to both sides.
     */
    private void checkAllowed(VaultTransitMasterKey key, String action) {
        String allowlist = environment.get("SOPS_HC_VAULT_ALLOWLIST").orElse("all").trim();
        if (allowlist.equals("all")) {
            return;
        }
        if (!allowlist.equals("none")) {
            String address = withSlash(key.address());
            for (String prefix : allowlist.split(",")) {
                String trimmed = prefix.trim();
                if (!trimmed.isEmpty() && address.startsWith(withSlash(trimmed))) {
                    return;
                }
            }
        }
        throw KeyFailure.of(key.description(), action,
                "the Vault address " + key.address() + " is not allowed by SOPS_HC_VAULT_ALLOWLIST");
    }

    private static String withSlash(String text) {
        return text.endsWith("/") ? text : text + "/";
    }

    private static JsonNode parse(VaultTransitMasterKey key, String action, byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw KeyFailure.of(key.description(), action, "the response is not JSON");
        }
    }

    /** Vault's {@code errors} list, which describes the failure without echoing the request. */
    private static String errors(byte[] body) {
        try {
            JsonNode errors = JSON.readTree(body).path("errors");
            List<String> messages = new ArrayList<>();
            errors.forEach(error -> messages.add(error.asText()));
            return messages.isEmpty() ? "" : ": " + String.join("; ", messages);
        } catch (IOException e) {
            return "";
        }
    }

    private static void pause(int attempt) {
        long ceiling = Math.min(MAX_BACKOFF.toMillis(), BASE_BACKOFF.toMillis() << attempt);
        long millis = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Vault's duration form: plain seconds ({@code 30}) or a number with {@code ms}, {@code s}, {@code m} or {@code h}. */
    static Duration duration(String text) {
        String value = text.trim();
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            char unit = value.charAt(value.length() - 1);
            if (Character.isDigit(unit)) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return switch (unit) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new NumberFormatException(value);
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new DataKeyException("VAULT_CLIENT_TIMEOUT is not a duration: " + text);
        }
    }
}
