package io.sops4j.kms.hckms;

import io.sops4j.error.FormatException;
import io.sops4j.kms.CreatedAt;
import java.util.ArrayList;
import java.util.List;

/** Builds HuaweiCloud KMS master keys from key ids such as {@code tr-west-1:12345678-1234-1234-1234-123456789abc}. */
public final class HuaweiCloudKms {

    private HuaweiCloudKms() {
    }

    /**
     * A key from its id {@code REGION:KEY-UUID}; the id is stored as given.
     *
     * @throws FormatException when the id has no {@code :}, or an empty region or key UUID
     */
    public static HuaweiCloudKmsMasterKey key(String keyId) {
        validate(keyId);
        return new HuaweiCloudKmsMasterKey(keyId, CreatedAt.now(), "");
    }

    /**
     * One key per non-empty entry of a comma-separated id list ({@code SOPS_HUAWEICLOUD_KMS_IDS},
     * {@code --hckms}), each trimmed.
     */
    public static List<HuaweiCloudKmsMasterKey> keys(String commaSeparatedIds) {
        List<HuaweiCloudKmsMasterKey> keys = new ArrayList<>();
        if (commaSeparatedIds == null) {
            return keys;
        }
        for (String id : commaSeparatedIds.split(",", -1)) {
            String trimmed = id.strip();
            if (!trimmed.isEmpty()) {
                keys.add(key(trimmed));
            }
        }
        return keys;
    }

    /** The region and the key UUID of a valid id, each trimmed. */
    static String[] parse(String keyId) {
        String trimmed = keyId.strip();
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            throw new FormatException("invalid key ID format: expected 'region:key-uuid', got \"" + trimmed + "\"");
        }
        String region = trimmed.substring(0, colon).strip();
        String uuid = trimmed.substring(colon + 1).strip();
        if (region.isEmpty()) {
            throw new FormatException("region cannot be empty in key ID: \"" + trimmed + "\"");
        }
        if (uuid.isEmpty()) {
            throw new FormatException("key UUID cannot be empty in key ID: \"" + trimmed + "\"");
        }
        return new String[] {region, uuid};
    }

    static void validate(String keyId) {
        parse(keyId);
    }
}
