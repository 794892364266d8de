package io.sops4j.kms.hckms;

import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.MasterKey;
import io.sops4j.kms.CreatedAt;
import io.sops4j.tree.TreeBranch;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A data key wrapped by a HuaweiCloud KMS key through its {@code encrypt-data} and
 * {@code decrypt-data} operations. Create one with {@link HuaweiCloudKms#key}.
 */
public final class HuaweiCloudKmsMasterKey implements MasterKey {

    static final String TYPE = "hckms";

    private final String keyId;
    private final String region;
    private final String keyUuid;
    private final OffsetDateTime createdAt;
    private final String encryptedKey;

    HuaweiCloudKmsMasterKey(String keyId, OffsetDateTime createdAt, String encryptedKey) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        String[] parts = HuaweiCloudKms.parse(keyId);
        this.region = parts[0];
        this.keyUuid = parts[1];
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.encryptedKey = encryptedKey == null ? "" : encryptedKey;
    }

    /** The id as configured, {@code REGION:KEY-UUID}. */
    public String keyId() {
        return keyId;
    }

    /** The region part of the id, such as {@code tr-west-1}; it selects the endpoint. */
    public String region() {
        return region;
    }

    /** The key's UUID, as the KMS API names it. */
    public String keyUuid() {
        return keyUuid;
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
        return keyId;
    }

    @Override
    public String encryptedKey() {
        return encryptedKey;
    }

    String description() {
        return "HuaweiCloud KMS key " + keyId;
    }

    @Override
    public MasterKey encrypt(byte[] plaintext, KeyEnvironment environment) {
        String cipherText = new HuaweiCloudKmsClient(environment).encrypt(this, plaintext);
        return new HuaweiCloudKmsMasterKey(keyId, createdAt, cipherText);
    }

    @Override
    public byte[] decrypt(KeyEnvironment environment) {
        return new HuaweiCloudKmsClient(environment).decrypt(this);
    }

    /** Upstream's fields, in Go's order: {@code created_at}, {@code enc}, {@code key_id}. */
    @Override
    public TreeBranch toMetadata() {
        return new TreeBranch()
                .add("created_at", CreatedAt.format(createdAt))
                .add("enc", encryptedKey)
                .add("key_id", keyId);
    }

    @Override
    public String toString() {
        return "HuaweiCloudKmsMasterKey[" + keyId + "]";
    }
}
