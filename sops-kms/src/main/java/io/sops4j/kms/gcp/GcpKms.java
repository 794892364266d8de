package io.sops4j.kms.gcp;

import io.sops4j.kms.CreatedAt;
import java.util.ArrayList;
import java.util.List;

/** Builds GCP KMS master keys from resource ids. */
public final class GcpKms {

    private GcpKms() {
    }

    /** A key from {@code projects/P/locations/L/keyRings/R/cryptoKeys/K} (spaces removed). */
    public static GcpKmsMasterKey key(String resourceId) {
        return new GcpKmsMasterKey(resourceId.replace(" ", ""), CreatedAt.now(), "");
    }

    /** One key per entry of a comma-separated list ({@code SOPS_GCP_KMS_IDS}, {@code --gcp-kms}). */
    public static List<GcpKmsMasterKey> keys(String commaSeparatedIds) {
        List<GcpKmsMasterKey> keys = new ArrayList<>();
        if (commaSeparatedIds == null || commaSeparatedIds.isEmpty()) {
            return keys;
        }
        for (String id : commaSeparatedIds.split(",", -1)) {
            keys.add(key(id));
        }
        return keys;
    }
}
