package io.sops4j.kms.vault;

import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.MasterKey;
import io.sops4j.kms.CreatedAt;
import io.sops4j.tree.TreeBranch;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A data key wrapped by a HashiCorp Vault transit key. Create one with {@link VaultTransit#key}. */
public final class VaultTransitMasterKey implements MasterKey {

    static final String TYPE = "hc_vault";

    private final String address;
    private final String enginePath;
    private final String keyName;
    private final OffsetDateTime createdAt;
    private final String encryptedKey;

    VaultTransitMasterKey(String address, String enginePath, String keyName, OffsetDateTime createdAt,
            String encryptedKey) {
        this.address = Objects.requireNonNull(address, "address");
        this.enginePath = Objects.requireNonNull(enginePath, "enginePath");
        this.keyName = Objects.requireNonNull(keyName, "keyName");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.encryptedKey = encryptedKey == null ? "" : encryptedKey;
    }

    /** {@code scheme://host[:port]} of the Vault server. */
    public String address() {
        return address;
    }

    /** The transit engine's mount path, e.g. {@code transit} or {@code team/transit}. */
    public String enginePath() {
        return enginePath;
    }

    public String keyName() {
        return keyName;
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
        return address + "/v1/" + enginePath + "/keys/" + keyName;
    }

    @Override
    public String encryptedKey() {
        return encryptedKey;
    }

    String description() {
        return "Vault transit key " + id();
    }

    @Override
    public MasterKey encrypt(byte[] plaintext, KeyEnvironment environment) {
        String ciphertext = new VaultTransitClient(environment).encrypt(this, plaintext);
        return new VaultTransitMasterKey(address, enginePath, keyName, createdAt, ciphertext);
    }

    @Override
    public byte[] decrypt(KeyEnvironment environment) {
        return new VaultTransitClient(environment).decrypt(this);
    }

    @Override
    public TreeBranch toMetadata() {
        return new TreeBranch()
                .add("created_at", CreatedAt.format(createdAt))
                .add("enc", encryptedKey)
                .add("engine_path", enginePath)
                .add("key_name", keyName)
                .add("vault_address", address);
    }

    @Override
    public String toString() {
        return "VaultTransitMasterKey[" + id() + "]";
    }
}
