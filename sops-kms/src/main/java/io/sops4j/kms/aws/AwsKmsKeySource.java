package io.sops4j.kms.aws;

import io.sops4j.error.FormatException;
import io.sops4j.keys.KeyEntries;
import io.sops4j.keys.KeySource;
import io.sops4j.keys.MasterKey;
import io.sops4j.tree.TreeBranch;
import io.sops4j.tree.TreeItem;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code kms} key source. It loads without the AWS SDK; using a key then asks for it. */
public final class AwsKmsKeySource implements KeySource {

    @Override
    public String type() {
        return AwsKmsMasterKey.TYPE;
    }

    @Override
    public MasterKey fromMetadata(TreeBranch entry) {
        Map<String, String> context = new LinkedHashMap<>();
        Object stored = entry.get("context").orElse(null);
        if (stored instanceof TreeBranch branch) {
            for (TreeItem item : branch) {
                if (item.key() instanceof String name && item.value() != null) {
                    context.put(name, KeyEntries.text(branch, name));
                }
            }
        } else if (stored != null) {
            throw new FormatException("sops metadata: kms context must be a mapping");
        }
        return new AwsKmsMasterKey(KeyEntries.text(entry, "arn"), KeyEntries.text(entry, "role"), context,
                KeyEntries.text(entry, "aws_profile"), KeyEntries.createdAt(entry, AwsKmsMasterKey.TYPE),
                KeyEntries.text(entry, "enc"));
    }

    /** {@code KEY_ARN} or {@code KEY_ARN+ROLE_ARN}, no context, default profile. */
    @Override
    public MasterKey fromIdentifier(String identifier) {
        return AwsKms.key(identifier, Map.of(), "");
    }

    /** The {@code .sops.yaml} forms: {@code {arn, role, context, aws_profile}}; a malformed context is ignored as upstream does. */
    @Override
    public MasterKey fromConfig(Map<String, Object> entry) {
        String arn = String.valueOf(entry.getOrDefault("arn", ""));
        Object role = entry.get("role");
        String keyArn = role == null || role.toString().isEmpty() ? arn : arn + "+" + role;
        Map<String, String> context = new java.util.TreeMap<>();
        if (entry.get("context") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (v != null) {
                    context.put(String.valueOf(k), String.valueOf(v));
                }
            });
        } else if (entry.get("context") instanceof String text && !text.isEmpty()) {
            try {
                context.putAll(AwsKms.parseContext(text));
            } catch (io.sops4j.error.SopsException ignored) {
                // upstream ignores a context it cannot parse in .sops.yaml, with a warning
            }
        }
        Object profile = entry.get("aws_profile");
        return AwsKms.key(keyArn, context, profile == null ? "" : profile.toString());
    }
}
