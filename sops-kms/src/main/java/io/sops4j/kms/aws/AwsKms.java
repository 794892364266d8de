package io.sops4j.kms.aws;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.kms.CreatedAt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds AWS KMS master keys from the forms users write on the command line and in {@code .sops.yaml}. */
public final class AwsKms {

    private static final String ROLE_SEPARATOR = "+arn:aws:iam::";

    private AwsKms() {
    }

    /**
     * A key from {@code arn} (spaces removed; {@code KEY_ARN+ROLE_ARN} names a role to assume),
     * an encryption context (may be empty) and a shared-config profile (may be empty).
     */
    public static AwsKmsMasterKey key(String arn, Map<String, String> context, String profile) {
        String compact = arn.replace(" ", "");
        String role = "";
        int roleIndex = compact.indexOf(ROLE_SEPARATOR);
        if (roleIndex > 0) {
            role = compact.substring(roleIndex + 1);
            compact = compact.substring(0, roleIndex);
        }
        return new AwsKmsMasterKey(compact, role, context, profile, CreatedAt.now(), "");
    }

    /** One key per entry of a comma-separated ARN list ({@code SOPS_KMS_ARN}, {@code --kms}). */
    public static List<AwsKmsMasterKey> keys(String commaSeparatedArns, Map<String, String> context, String profile) {
        List<AwsKmsMasterKey> keys = new ArrayList<>();
        if (commaSeparatedArns == null || commaSeparatedArns.isEmpty()) {
            return keys;
        }
        for (String arn : commaSeparatedArns.split(",", -1)) {
            keys.add(key(arn, context, profile));
        }
        return keys;
    }

    /**
     * Parses an encryption context written as {@code k1:v1,k2:v2}; an empty text is an empty
     * context. A pair without exactly one {@code :} fails with exit code 6, as upstream's
     * {@code --encryption-context} does ({@code .sops.yaml} callers ignore the context instead).
     */
    public static Map<String, String> parseContext(String text) {
        Map<String, String> context = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return context;
        }
        for (String pair : text.split(",", -1)) {
            String[] parts = pair.split(":", -1);
            if (parts.length != 2) {
                throw new SopsException(ExitCode.INVALID_KMS_ENCRYPTION_CONTEXT_FORMAT,
                        "Invalid KMS encryption context format: each pair must be key:value");
            }
            context.put(parts[0], parts[1]);
        }
        return context;
    }
}
