package io.sops4j.kms.vault;

import io.sops4j.keys.KeyEntries;
import io.sops4j.keys.KeySource;
import io.sops4j.keys.MasterKey;
import io.sops4j.tree.TreeBranch;

/** The {@code hc_vault} key source: Vault's transit engine over its HTTP API. */
public final class VaultTransitKeySource implements KeySource {

    @Override
    public String type() {
        return VaultTransitMasterKey.TYPE;
    }

    @Override
    public MasterKey fromMetadata(TreeBranch entry) {
        return new VaultTransitMasterKey(KeyEntries.text(entry, "vault_address"),
                KeyEntries.text(entry, "engine_path"), KeyEntries.text(entry, "key_name"),
                KeyEntries.createdAt(entry, VaultTransitMasterKey.TYPE), KeyEntries.text(entry, "enc"));
    }

    /** A key URI, see {@link VaultTransit#key}. */
    @Override
    public MasterKey fromIdentifier(String identifier) {
        return VaultTransit.key(identifier);
    }
}
