package io.sops4j.internal.metadata;

import io.sops4j.error.DataKeyException;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySource;
import io.sops4j.keys.MasterKey;
import io.sops4j.tree.TreeBranch;

/**
 * A stored key of a type no installed {@link KeySource} handles (for example {@code hckms}, or a
 * cloud backend whose module is absent). It is written back unchanged and cannot decrypt.
 */
public final class UnknownMasterKey implements MasterKey {

    private final String type;
    private final TreeBranch entry;

    public UnknownMasterKey(String type, TreeBranch entry) {
        this.type = type;
        this.entry = entry.deepCopy();
    }

    @Override
    public String type() {
        return type;
    }

    /** The entry's identifying field as upstream names keys (ARN, resource id, key id, ...). */
    @Override
    public String id() {
        for (String field : new String[] {"arn", "resource_id", "key_id", "vault_url", "vault_address", "recipient", "fp"}) {
            Object value = entry.get(field).orElse(null);
            if (value instanceof String text && !text.isEmpty()) {
                return text;
            }
        }
        return type;
    }

    @Override
    public String encryptedKey() {
        return entry.get("enc").map(Object::toString).orElse("");
    }

    @Override
    public MasterKey encrypt(byte[] plaintext, KeyEnvironment environment) {
        throw new DataKeyException(noSource());
    }

    @Override
    public byte[] decrypt(KeyEnvironment environment) {
        throw new DataKeyException(noSource());
    }

    private String noSource() {
        String hint = switch (type) {
            case "kms", "gcp_kms", "azure_kv", "hc_vault" -> "; add the io.sops4j:sops-kms artifact and the backend's SDK";
            default -> "";
        };
        return "no key source for '" + type + "' keys is installed" + hint;
    }

    @Override
    public TreeBranch toMetadata() {
        return entry.deepCopy();
    }
}
