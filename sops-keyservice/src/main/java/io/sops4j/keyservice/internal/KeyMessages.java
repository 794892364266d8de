package io.sops4j.keyservice.internal;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.keys.KeyEntries;
import io.sops4j.keys.MasterKey;
import io.sops4j.keyservice.internal.proto.AgeKey;
import io.sops4j.keyservice.internal.proto.AzureKeyVaultKey;
import io.sops4j.keyservice.internal.proto.GcpKmsKey;
import io.sops4j.keyservice.internal.proto.HckmsKey;
import io.sops4j.keyservice.internal.proto.Key;
import io.sops4j.keyservice.internal.proto.KmsKey;
import io.sops4j.keyservice.internal.proto.PgpKey;
import io.sops4j.keyservice.internal.proto.VaultKey;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Master keys as the protocol's {@code Key} messages and back, through the metadata entries the
 * key sources read and write: the fields of a {@code Key} are those of the stored entry without
 * {@code enc} and {@code created_at}.
 */
public final class KeyMessages {

    private KeyMessages() {
    }

    /** The message naming {@code key}; a type the protocol has no message for is refused. */
    public static Key toMessage(MasterKey key) {
        TreeBranch entry = key.toMetadata();
        Key.Builder message = Key.newBuilder();
        switch (key.type()) {
            case "age" -> message.setAgeKey(AgeKey.newBuilder().setRecipient(text(entry, "recipient")));
            case "pgp" -> message.setPgpKey(PgpKey.newBuilder().setFingerprint(text(entry, "fp")));
            case "kms" -> message.setKmsKey(KmsKey.newBuilder()
                    .setArn(text(entry, "arn"))
                    .setRole(text(entry, "role"))
                    .putAllContext(context(entry))
                    .setAwsProfile(text(entry, "aws_profile")));
            case "gcp_kms" -> message.setGcpKmsKey(GcpKmsKey.newBuilder().setResourceId(text(entry, "resource_id")));
            case "azure_kv" -> message.setAzureKeyvaultKey(AzureKeyVaultKey.newBuilder()
                    .setVaultUrl(text(entry, "vault_url"))
                    .setName(text(entry, "name"))
                    .setVersion(text(entry, "version")));
            case "hc_vault" -> message.setVaultKey(VaultKey.newBuilder()
                    .setVaultAddress(text(entry, "vault_address"))
                    .setEnginePath(text(entry, "engine_path"))
                    .setKeyName(text(entry, "key_name")));
            case "hckms" -> message.setHckmsKey(HckmsKey.newBuilder().setKeyId(text(entry, "key_id")));
            default -> throw new SopsException(ExitCode.GENERIC,
                    "'" + key.type() + "' keys cannot be sent to a key service: the protocol has no message for them");
        }
        return message.build();
    }

    /** The metadata list a message's key belongs to; empty when it names none. */
    public static Optional<String> type(Key key) {
        return Optional.ofNullable(switch (key.getKeyTypeCase()) {
            case KMS_KEY -> "kms";
            case PGP_KEY -> "pgp";
            case GCP_KMS_KEY -> "gcp_kms";
            case AZURE_KEYVAULT_KEY -> "azure_kv";
            case VAULT_KEY -> "hc_vault";
            case AGE_KEY -> "age";
            case HCKMS_KEY -> "hckms";
            case KEYTYPE_NOT_SET -> null;
        });
    }

    /** The stored entry of the message's key holding {@code encryptedKey}, as its key source reads it. */
    public static TreeBranch toEntry(Key key, String encryptedKey, OffsetDateTime createdAt) {
        TreeBranch entry = new TreeBranch();
        switch (key.getKeyTypeCase()) {
            case AGE_KEY -> entry.add("recipient", key.getAgeKey().getRecipient());
            case PGP_KEY -> entry.add("fp", key.getPgpKey().getFingerprint());
            case KMS_KEY -> {
                KmsKey kms = key.getKmsKey();
                entry.add("arn", kms.getArn()).add("aws_profile", kms.getAwsProfile());
                if (kms.getContextCount() > 0) {
                    TreeBranch context = new TreeBranch();
                    new TreeMap<>(kms.getContextMap()).forEach(context::add);
                    entry.add("context", context);
                }
                if (!kms.getRole().isEmpty()) {
                    entry.add("role", kms.getRole());
                }
            }
            case GCP_KMS_KEY -> entry.add("resource_id", key.getGcpKmsKey().getResourceId());
            case AZURE_KEYVAULT_KEY -> entry.add("name", key.getAzureKeyvaultKey().getName())
                    .add("vault_url", key.getAzureKeyvaultKey().getVaultUrl())
                    .add("version", key.getAzureKeyvaultKey().getVersion());
            case VAULT_KEY -> entry.add("engine_path", key.getVaultKey().getEnginePath())
                    .add("key_name", key.getVaultKey().getKeyName())
                    .add("vault_address", key.getVaultKey().getVaultAddress());
            case HCKMS_KEY -> entry.add("key_id", key.getHckmsKey().getKeyId());
            case KEYTYPE_NOT_SET -> throw new IllegalArgumentException("no key");
        }
        return entry.add("created_at", KeyEntries.formatTime(createdAt)).add("enc", encryptedKey);
    }

    /** {@code entry} with its {@code enc} replaced. */
    public static TreeBranch withEncryptedKey(TreeBranch entry, String encryptedKey) {
        TreeBranch copy = new TreeBranch();
        boolean replaced = false;
        for (TreeItem item : entry) {
            if ("enc".equals(item.key())) {
                copy.add("enc", encryptedKey);
                replaced = true;
            } else {
                copy.add(item);
            }
        }
        return replaced ? copy : copy.add("enc", encryptedKey);
    }

    private static String text(TreeBranch entry, String name) {
        return KeyEntries.text(entry, name);
    }

    private static Map<String, String> context(TreeBranch entry) {
        Map<String, String> context = new TreeMap<>();
        entry.get("context").filter(TreeBranch.class::isInstance).map(TreeBranch.class::cast).ifPresent(stored -> {
            for (TreeItem item : stored) {
                if (!item.isComment()) {
                    context.put(String.valueOf(item.key()), String.valueOf(item.value()));
                }
            }
        });
        return context;
    }
}
