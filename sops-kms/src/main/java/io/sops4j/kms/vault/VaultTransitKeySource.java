package io.sops4j.kms.vault;

import io.sops4j.internal.metadata.MetadataCodec;
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
        return new VaultTransitMasterKey(MetadataCodec.field(entry, "vault_address"),
                MetadataCodec.field(entry, "engine_path"), MetadataCodec.field(entry, "key_name"),
                MetadataCodec.createdAt(entry, VaultTransitMasterKey.TYPE), MetadataCodec.field(entry, "enc"));
    }

    /** A key URI, see {@link VaultTransit#key}. */
    @Override
    public MasterKey fromIdentifier(String identifier) {
        return VaultTransit.key(identifier);
    }
}
