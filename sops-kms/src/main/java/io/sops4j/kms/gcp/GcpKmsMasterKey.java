package io.sops4j.kms.gcp;

import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.MasterKey;
import io.sops4j.kms.CreatedAt;
import io.sops4j.kms.KeyFailure;
import io.sops4j.tree.TreeBranch;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/** A data key wrapped by a Google Cloud KMS key. Create one with {@link GcpKms#key}. */
public final class GcpKmsMasterKey implements MasterKey {

    static final String TYPE = "gcp_kms";

    private static final Pattern RESOURCE_ID =
            Pattern.compile("^projects/[^/]+/locations/[^/]+/keyRings/[^/]+/cryptoKeys/[^/]+$");

    private static final Function<KeyEnvironment, GcpKmsOperations> SDK = environment -> GcpKmsCalls.open(environment);

    private final String resourceId;
    private final OffsetDateTime createdAt;
    private final String encryptedKey;
    private final Function<KeyEnvironment, GcpKmsOperations> connector;

    GcpKmsMasterKey(String resourceId, OffsetDateTime createdAt, String encryptedKey) {
        this(resourceId, createdAt, encryptedKey, SDK);
    }

    private GcpKmsMasterKey(String resourceId, OffsetDateTime createdAt, String encryptedKey,
            Function<KeyEnvironment, GcpKmsOperations> connector) {
        this.resourceId = Objects.requireNonNull(resourceId, "resourceId");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.encryptedKey = encryptedKey == null ? "" : encryptedKey;
        this.connector = connector;
    }

    /** This key reaching Cloud KMS through {@code connector} instead of the default client. */
    GcpKmsMasterKey withConnector(Function<KeyEnvironment, GcpKmsOperations> connector) {
        return new GcpKmsMasterKey(resourceId, createdAt, encryptedKey, connector);
    }

    /** {@code projects/P/locations/L/keyRings/R/cryptoKeys/K}. */
    public String resourceId() {
        return resourceId;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String id() {
        return resourceId;
    }

    @Override
    public String encryptedKey() {
        return encryptedKey;
    }

    String description() {
        return "GCP KMS key " + resourceId;
    }

    @Override
    public MasterKey encrypt(byte[] plaintext, KeyEnvironment environment) {
        try (GcpKmsOperations kms = connect(environment)) {
            String ciphertext = Base64.getEncoder().encodeToString(kms.encrypt(resourceId, plaintext));
            return new GcpKmsMasterKey(resourceId, createdAt, ciphertext, connector);
        } catch (RuntimeException e) {
            throw failure("encrypt the data key", e);
        }
    }

    @Override
    public byte[] decrypt(KeyEnvironment environment) {
        byte[] ciphertext;
        try {
            ciphertext = Base64.getDecoder().decode(encryptedKey);
        } catch (IllegalArgumentException e) {
            throw KeyFailure.of(description(), "decrypt the data key", "enc is not valid base64");
        }
        try (GcpKmsOperations kms = connect(environment)) {
            return kms.decrypt(resourceId, ciphertext);
        } catch (RuntimeException e) {
            throw failure("decrypt the data key", e);
        }
    }

    private GcpKmsOperations connect(KeyEnvironment environment) {
        if (!RESOURCE_ID.matcher(resourceId).matches()) {
            throw KeyFailure.of(description(), "use", "no valid resource ID found in \"" + resourceId + "\"");
        }
        if (connector == SDK) {
            KeyFailure.requireSdk("com.google.cloud.kms.v1.KeyManagementServiceClient", description(),
                    "com.google.cloud:google-cloud-kms");
        }
        return connector.apply(environment);
    }

    private RuntimeException failure(String action, RuntimeException e) {
        return e instanceof io.sops4j.error.SopsException ? e : KeyFailure.of(description(), action, e);
    }

    @Override
    public TreeBranch toMetadata() {
        return new TreeBranch()
                .add("created_at", CreatedAt.format(createdAt))
                .add("enc", encryptedKey)
                .add("resource_id", resourceId);
    }

    @Override
    public String toString() {
        return "GcpKmsMasterKey[" + resourceId + "]";
    }
}
