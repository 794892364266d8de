package io.sops4j.kms.azure;

import io.sops4j.error.SopsException;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.MasterKey;
import io.sops4j.kms.CreatedAt;
import io.sops4j.kms.KeyFailure;
import io.sops4j.tree.TreeBranch;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Function;

/**
 * A data key wrapped (RSA-OAEP-256) by an Azure Key Vault key. Create one with
 * {@link AzureKeyVault#key}; a key without a version takes the key's current version when it
 * first encrypts, and stores it.
 */
public final class AzureKeyVaultMasterKey implements MasterKey {

    static final String TYPE = "azure_kv";

    private static final Function<KeyEnvironment, AzureKeyVaultOperations> SDK = environment -> AzureKeyVaultCalls.open(environment);

    private final String vaultUrl;
    private final String name;
    private final String version;
    private final OffsetDateTime createdAt;
    private final String encryptedKey;
    private final Function<KeyEnvironment, AzureKeyVaultOperations> connector;

    AzureKeyVaultMasterKey(String vaultUrl, String name, String version, OffsetDateTime createdAt, String encryptedKey) {
        this(vaultUrl, name, version, createdAt, encryptedKey, SDK);
    }

    private AzureKeyVaultMasterKey(String vaultUrl, String name, String version, OffsetDateTime createdAt,
            String encryptedKey, Function<KeyEnvironment, AzureKeyVaultOperations> connector) {
        this.vaultUrl = Objects.requireNonNull(vaultUrl, "vaultUrl");
        this.name = Objects.requireNonNull(name, "name");
        this.version = version == null ? "" : version;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.encryptedKey = encryptedKey == null ? "" : encryptedKey;
        this.connector = connector;
    }

    /** This key reaching Key Vault through {@code connector} instead of the default clients. */
    AzureKeyVaultMasterKey withConnector(Function<KeyEnvironment, AzureKeyVaultOperations> connector) {
        return new AzureKeyVaultMasterKey(vaultUrl, name, version, createdAt, encryptedKey, connector);
    }

    /** {@code https://NAME.vault.azure.net}. */
    public String vaultUrl() {
        return vaultUrl;
    }

    public String name() {
        return name;
    }

    /** The key version; empty until resolved by the first encryption. */
    public String version() {
        return version;
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
        return vaultUrl + "/keys/" + name + "/" + version;
    }

    @Override
    public String encryptedKey() {
        return encryptedKey;
    }

    String description() {
        return "Azure Key Vault key " + id();
    }

    @Override
    public MasterKey encrypt(byte[] plaintext, KeyEnvironment environment) {
        try {
            AzureKeyVaultOperations vault = connect(environment);
            String resolved = version.isEmpty() ? vault.currentVersion(vaultUrl, name) : version;
            byte[] wrapped = vault.encrypt(vaultUrl + "/keys/" + name + "/" + resolved, plaintext);
            String ciphertext = Base64.getUrlEncoder().withoutPadding().encodeToString(wrapped);
            return new AzureKeyVaultMasterKey(vaultUrl, name, resolved, createdAt, ciphertext, connector);
        } catch (SopsException e) {
            throw e;
        } catch (RuntimeException e) {
            throw KeyFailure.of(description(), "encrypt the data key", e);
        }
    }

    @Override
    public byte[] decrypt(KeyEnvironment environment) {
        byte[] ciphertext;
        try {
            ciphertext = Base64.getUrlDecoder().decode(encryptedKey);
        } catch (IllegalArgumentException e) {
            throw KeyFailure.of(description(), "decrypt the data key", "enc is not valid unpadded base64url");
        }
        try {
            String keyId = version.isEmpty() ? vaultUrl + "/keys/" + name : id();
            return connect(environment).decrypt(keyId, ciphertext);
        } catch (SopsException e) {
            throw e;
        } catch (RuntimeException e) {
            throw KeyFailure.of(description(), "decrypt the data key", e);
        }
    }

    private AzureKeyVaultOperations connect(KeyEnvironment environment) {
        if (connector == SDK) {
            KeyFailure.requireSdk("com.azure.security.keyvault.keys.cryptography.CryptographyClient", description(),
                    "com.azure:azure-security-keyvault-keys", "com.azure:azure-identity");
            KeyFailure.requireSdk("com.azure.identity.DefaultAzureCredentialBuilder", description(),
                    "com.azure:azure-identity");
        }
        return connector.apply(environment);
    }

    @Override
    public TreeBranch toMetadata() {
        return new TreeBranch()
                .add("created_at", CreatedAt.format(createdAt))
                .add("enc", encryptedKey)
                .add("name", name)
                .add("vault_url", vaultUrl)
                .add("version", version);
    }

    @Override
    public String toString() {
        return "AzureKeyVaultMasterKey[" + id() + "]";
    }
}
