package io.sops4j.kms.azure;

import io.sops4j.keys.KeyEntries;
import io.sops4j.keys.KeySource;
import io.sops4j.keys.MasterKey;
import io.sops4j.tree.TreeBranch;

/** The {@code azure_kv} key source. It loads without the Azure SDK; using a key then asks for it. */
public final class AzureKeyVaultKeySource implements KeySource {

    @Override
    public String type() {
        return AzureKeyVaultMasterKey.TYPE;
    }

    @Override
    public MasterKey fromMetadata(TreeBranch entry) {
        return new AzureKeyVaultMasterKey(KeyEntries.text(entry, "vault_url"), KeyEntries.text(entry, "name"),
                KeyEntries.text(entry, "version"), KeyEntries.createdAt(entry, AzureKeyVaultMasterKey.TYPE),
                KeyEntries.text(entry, "enc"));
    }

    /** A key URL, see {@link AzureKeyVault#key(String)}. */
    @Override
    public MasterKey fromIdentifier(String identifier) {
        return AzureKeyVault.key(identifier);
    }

    /** The {@code .sops.yaml} key-group form {@code {vaultUrl, key, version}}. */
    @Override
    public MasterKey fromConfig(java.util.Map<String, Object> entry) {
        Object version = entry.get("version");
        return AzureKeyVault.key(String.valueOf(entry.getOrDefault("vaultUrl", "")), String.valueOf(entry.getOrDefault("key", "")),
                version == null ? "" : version.toString());
    }
}
