package io.sops4j.kms.aws;

import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.MasterKey;
import io.sops4j.kms.CreatedAt;
import io.sops4j.kms.KeyFailure;
import io.sops4j.tree.TreeBranch;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A data key wrapped by an AWS KMS key, optionally through an assumed role, with an encryption
 * context and a shared-config profile. Create one with {@link AwsKms#key}.
 */
public final class AwsKmsMasterKey implements MasterKey {

    static final String TYPE = "kms";

    private static final Pattern ARN = Pattern.compile("^arn:aws[\\w-]*:kms:(.+):[0-9]+:(key|alias)/.+$");

    private final String arn;
    private final String role;
    private final Map<String, String> context;
    private final String profile;
    private final OffsetDateTime createdAt;
    private final String encryptedKey;

    AwsKmsMasterKey(String arn, String role, Map<String, String> context, String profile,
            OffsetDateTime createdAt, String encryptedKey) {
        this.arn = Objects.requireNonNull(arn, "arn");
        this.role = role == null ? "" : role;
        this.context = Collections.unmodifiableMap(sortedContext(context));
        this.profile = profile == null ? "" : profile;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.encryptedKey = encryptedKey == null ? "" : encryptedKey;
    }

    /** Go string order (UTF-8 bytes), which for Java strings is code point order. */
    private static Map<String, String> sortedContext(Map<String, String> context) {
        Map<String, String> sorted = new TreeMap<>((a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray()));
        if (context != null) {
            context.forEach((k, v) -> {
                if (v != null) {
                    sorted.put(k, v);
                }
            });
        }
        return sorted;
    }

    public String arn() {
        return arn;
    }

    /** The IAM role assumed before calling KMS; empty for none. */
    public String role() {
        return role;
    }

    /** The encryption context, sorted by key. */
    public Map<String, String> context() {
        return context;
    }

    /** The shared-config profile; empty for the default chain. */
    public String profile() {
        return profile;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String id() {
        StringBuilder id = new StringBuilder(arn);
        if (!role.isEmpty()) {
            id.append('+').append(role);
        }
        if (!context.isEmpty()) {
            id.append('|');
            boolean first = true;
            for (Map.Entry<String, String> entry : context.entrySet()) {
                if (!first) {
                    id.append(',');
                }
                id.append(entry.getKey()).append(':').append(entry.getValue());
                first = false;
            }
        }
        if (!profile.isEmpty()) {
            id.append('|').append(profile);
        }
        return id.toString();
    }

    @Override
    public String encryptedKey() {
        return encryptedKey;
    }

    /** The region named by the ARN, which is where KMS is called. */
    String region() {
        Matcher matcher = ARN.matcher(arn);
        if (!matcher.matches()) {
            throw KeyFailure.of(description(), "use", "no valid ARN found in \"" + arn + "\"");
        }
        return matcher.group(1);
    }

    String description() {
        return "AWS KMS key " + arn;
    }

    @Override
    public MasterKey encrypt(byte[] plaintext, KeyEnvironment environment) {
        String region = region();
        requireSdk();
        String ciphertext = AwsKmsCalls.encrypt(this, region, plaintext, environment);
        return new AwsKmsMasterKey(arn, role, context, profile, createdAt, ciphertext);
    }

    @Override
    public byte[] decrypt(KeyEnvironment environment) {
        String region = region();
        requireSdk();
        return AwsKmsCalls.decrypt(this, region, environment);
    }

    private void requireSdk() {
        KeyFailure.requireSdk("software.amazon.awssdk.services.kms.KmsClient", description(),
                "software.amazon.awssdk:kms", "software.amazon.awssdk:sts");
        if (!role.isEmpty()) {
            KeyFailure.requireSdk("software.amazon.awssdk.services.sts.StsClient", description(),
                    "software.amazon.awssdk:sts");
        }
    }

    @Override
    public TreeBranch toMetadata() {
        TreeBranch entry = new TreeBranch();
        entry.add("arn", arn);
        entry.add("aws_profile", profile);
        if (!context.isEmpty()) {
            TreeBranch stored = new TreeBranch();
            context.forEach(stored::add);
            entry.add("context", stored);
        }
        entry.add("created_at", CreatedAt.format(createdAt));
        entry.add("enc", encryptedKey);
        if (!role.isEmpty()) {
            entry.add("role", role);
        }
        return entry;
    }

    @Override
    public String toString() {
        return "AwsKmsMasterKey[" + id() + "]";
    }
}
