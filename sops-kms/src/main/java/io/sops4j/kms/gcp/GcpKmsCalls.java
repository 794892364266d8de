package io.sops4j.kms.gcp;

import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.StatusCode;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.api.gax.rpc.UnaryCallSettings;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.kms.v1.DecryptRequest;
import com.google.cloud.kms.v1.EncryptRequest;
import com.google.cloud.kms.v1.KeyManagementServiceClient;
import com.google.cloud.kms.v1.KeyManagementServiceSettings;
import com.google.protobuf.ByteString;
import io.sops4j.error.DataKeyException;
import io.sops4j.keys.KeyEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The Cloud KMS client: gRPC by default, REST with {@code SOPS_GCP_KMS_CLIENT_TYPE=rest};
 * endpoint from {@code SOPS_GCP_KMS_ENDPOINT} or {@code SOPS_GCP_KMS_UNIVERSE_DOMAIN}.
 * Loaded only once the SDK is known to be present.
 */
final class GcpKmsCalls implements GcpKmsOperations {

    static final RetrySettings RETRIES = RetrySettings.newBuilder()
            .setInitialRetryDelayDuration(Duration.ofMillis(200))
            .setRetryDelayMultiplier(2.0)
            .setMaxRetryDelayDuration(Duration.ofSeconds(4))
            .setInitialRpcTimeoutDuration(Duration.ofSeconds(20))
            .setRpcTimeoutMultiplier(1.0)
            .setMaxRpcTimeoutDuration(Duration.ofSeconds(20))
            .setTotalTimeoutDuration(Duration.ofSeconds(60))
            .setMaxAttempts(5)
            .build();

    private final KeyManagementServiceClient client;

    private GcpKmsCalls(KeyManagementServiceClient client) {
        this.client = client;
    }

    static GcpKmsOperations open(KeyEnvironment environment) {
        return open(environment, null);
    }

    /** A client over {@code transport} when given (tests reach a local server this way). */
    static GcpKmsOperations open(KeyEnvironment environment, TransportChannelProvider transport) {
        boolean rest = environment.get("SOPS_GCP_KMS_CLIENT_TYPE").map("rest"::equalsIgnoreCase).orElse(false);
        KeyManagementServiceSettings.Builder settings = rest
                ? KeyManagementServiceSettings.newHttpJsonBuilder()
                : KeyManagementServiceSettings.newBuilder();
        settings.setCredentialsProvider(FixedCredentialsProvider.create(credentials(environment)));
        Optional<String> endpoint = environment.get("SOPS_GCP_KMS_ENDPOINT");
        if (endpoint.isPresent()) {
            settings.setEndpoint(endpoint.get());
        } else {
            environment.get("SOPS_GCP_KMS_UNIVERSE_DOMAIN").ifPresent(settings::setUniverseDomain);
        }
        if (transport != null) {
            settings.setTransportChannelProvider(transport);
        }
        retrying(settings.encryptSettings());
        retrying(settings.decryptSettings());
        try {
            return new GcpKmsCalls(KeyManagementServiceClient.create(settings.build()));
        } catch (IOException e) {
            throw new DataKeyException("cannot create the GCP KMS client: " + e.getMessage());
        }
    }

    private static void retrying(UnaryCallSettings.Builder<?, ?> call) {
        call.setRetryableCodes(StatusCode.Code.UNAVAILABLE, StatusCode.Code.DEADLINE_EXCEEDED,
                        StatusCode.Code.RESOURCE_EXHAUSTED)
                .setRetrySettings(RETRIES);
    }

    /**
     * {@code SOPS_GOOGLE_CREDENTIALS} or {@code GOOGLE_CREDENTIALS} (a file path, or the JSON
     * itself), else {@code GOOGLE_OAUTH_ACCESS_TOKEN}, else Application Default Credentials
     * ({@code GOOGLE_APPLICATION_CREDENTIALS}, gcloud, the metadata server).
     */
    static GoogleCredentials credentials(KeyEnvironment environment) {
        try {
            Optional<String> json = environment.get("SOPS_GOOGLE_CREDENTIALS").or(() -> environment.get("GOOGLE_CREDENTIALS"));
            if (json.isPresent()) {
                return fromJson(json.get()).createScoped(KeyManagementServiceSettings.getDefaultServiceScopes());
            }
            Optional<String> token = environment.get("GOOGLE_OAUTH_ACCESS_TOKEN");
            if (token.isPresent()) {
                return GoogleCredentials.create(new AccessToken(token.get(), null));
            }
            Optional<String> applicationDefault = environment.get("GOOGLE_APPLICATION_CREDENTIALS");
            if (applicationDefault.isPresent()) {
                try (InputStream in = Files.newInputStream(Path.of(applicationDefault.get()))) {
                    return GoogleCredentials.fromStream(in).createScoped(KeyManagementServiceSettings.getDefaultServiceScopes());
                }
            }
            return GoogleCredentials.getApplicationDefault().createScoped(KeyManagementServiceSettings.getDefaultServiceScopes());
        } catch (IOException e) {
            throw new DataKeyException("cannot load Google credentials: " + e.getMessage());
        }
    }

    private static GoogleCredentials fromJson(String pathOrJson) throws IOException {
        Path file = pathOrJsonFile(pathOrJson);
        byte[] json = file != null ? Files.readAllBytes(file) : pathOrJson.getBytes(StandardCharsets.UTF_8);
        return GoogleCredentials.fromStream(new ByteArrayInputStream(json));
    }

    private static Path pathOrJsonFile(String value) {
        try {
            Path path = Path.of(value);
            return Files.isRegularFile(path) ? path : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public byte[] encrypt(String resourceId, byte[] plaintext) {
        return client.encrypt(EncryptRequest.newBuilder().setName(resourceId)
                .setPlaintext(ByteString.copyFrom(plaintext)).build()).getCiphertext().toByteArray();
    }

    @Override
    public byte[] decrypt(String resourceId, byte[] ciphertext) {
        return client.decrypt(DecryptRequest.newBuilder().setName(resourceId)
                .setCiphertext(ByteString.copyFrom(ciphertext)).build()).getPlaintext().toByteArray();
    }

    @Override
    public void close() {
        client.close();
    }

}
