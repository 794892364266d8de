package io.sops4j.kms.azure;

/** Key Vault calls in JDK types, so that keys link without the Azure SDK. */
interface AzureKeyVaultOperations {

    /** The current version of key {@code name}. */
    String currentVersion(String vaultUrl, String name);

    /** RSA-OAEP-256 {@code encrypt} with the key at {@code keyId} ({@code VAULT/keys/NAME/VERSION}). */
    byte[] encrypt(String keyId, byte[] plaintext);

    /** RSA-OAEP-256 {@code decrypt} with the key at {@code keyId}. */
    byte[] decrypt(String keyId, byte[] ciphertext);
}
