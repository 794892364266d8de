package io.sops4j.kms.gcp;

import io.sops4j.keys.KeyEntries;
import io.sops4j.keys.KeySource;
import io.sops4j.keys.MasterKey;
import io.sops4j.tree.TreeBranch;

/** The {@code gcp_kms} key source. It loads without the Cloud KMS SDK; using a key then asks for it. */
public final class GcpKmsKeySource implements KeySource {

    @Override
    public String type() {
        return GcpKmsMasterKey.TYPE;
    }

    @Override
    public MasterKey fromMetadata(TreeBranch entry) {
        return new GcpKmsMasterKey(KeyEntries.text(entry, "resource_id"),
                KeyEntries.createdAt(entry, GcpKmsMasterKey.TYPE), KeyEntries.text(entry, "enc"));
    }

    /** A resource id, see {@link GcpKms#key}. */
    @Override
    public MasterKey fromIdentifier(String identifier) {
        return GcpKms.key(identifier);
    }

    /** The {@code .sops.yaml} key-group form {@code {resource_id}}. */
    @Override
    public MasterKey fromConfig(java.util.Map<String, Object> entry) {
        return GcpKms.key(String.valueOf(entry.getOrDefault("resource_id", "")));
    }
}
