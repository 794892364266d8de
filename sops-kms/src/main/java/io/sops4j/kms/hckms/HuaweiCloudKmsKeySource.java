package io.sops4j.kms.hckms;

import io.sops4j.keys.KeyEntries;
import io.sops4j.keys.KeySource;
import io.sops4j.keys.MasterKey;
import io.sops4j.tree.TreeBranch;
import java.util.Map;

/** The {@code hckms} key source: HuaweiCloud KMS over its REST API, requests signed with the access key pair. */
public final class HuaweiCloudKmsKeySource implements KeySource {

    @Override
    public String type() {
        return HuaweiCloudKmsMasterKey.TYPE;
    }

    /** A stored entry; its {@code key_id} must be {@code REGION:KEY-UUID}. */
    @Override
    public MasterKey fromMetadata(TreeBranch entry) {
        return new HuaweiCloudKmsMasterKey(KeyEntries.text(entry, "key_id"),
                KeyEntries.createdAt(entry, HuaweiCloudKmsMasterKey.TYPE), KeyEntries.text(entry, "enc"));
    }

    /** A key id, see {@link HuaweiCloudKms#key}. */
    @Override
    public MasterKey fromIdentifier(String identifier) {
        return HuaweiCloudKms.key(identifier);
    }

    /** The {@code .sops.yaml} key-group form {@code {key_id}}. */
    @Override
    public MasterKey fromConfig(Map<String, Object> entry) {
        Object keyId = entry.get("key_id");
        return HuaweiCloudKms.key(keyId == null ? "" : keyId.toString());
    }
}
