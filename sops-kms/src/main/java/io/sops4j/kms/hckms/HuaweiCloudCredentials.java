package io.sops4j.kms.hckms;

import io.sops4j.keys.KeyEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An access key pair as HuaweiCloud's SDKs find it for "basic" (project-scoped) credentials: the
 * variables {@code HUAWEICLOUD_SDK_AK}, {@code HUAWEICLOUD_SDK_SK}, {@code HUAWEICLOUD_SDK_PROJECT_ID}
 * and {@code HUAWEICLOUD_SDK_SECURITY_TOKEN}, else the {@code [basic]} section of the credentials
 * file ({@code HUAWEICLOUD_SDK_CREDENTIALS_FILE}, default {@code ~/.huaweicloud/credentials}) with
 * {@code ak}, {@code sk}, {@code project_id}, {@code security_token} and {@code iam_endpoint}.
 */
final class HuaweiCloudCredentials {

    static final String AK = "HUAWEICLOUD_SDK_AK";
    static final String SK = "HUAWEICLOUD_SDK_SK";
    static final String PROJECT_ID = "HUAWEICLOUD_SDK_PROJECT_ID";
    static final String SECURITY_TOKEN = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
    static final String CREDENTIALS_FILE = "HUAWEICLOUD_SDK_CREDENTIALS_FILE";
    static final String IAM_ENDPOINT = "HUAWEICLOUD_SDK_IAM_ENDPOINT";

    final String accessKey;
    final String secretKey;
    final String projectId;
    final String securityToken;
    final String iamEndpoint;

    private HuaweiCloudCredentials(String accessKey, String secretKey, String projectId, String securityToken,
            String iamEndpoint) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.projectId = projectId;
        this.securityToken = securityToken;
        this.iamEndpoint = iamEndpoint;
    }

    /** The first complete access key pair of the chain; the reason none was found otherwise. */
    static HuaweiCloudCredentials find(KeyEnvironment environment) {
        String iamEndpoint = environment.get(IAM_ENDPOINT).orElse("");
        String ak = environment.get(AK).orElse("");
        String sk = environment.get(SK).orElse("");
        if (!ak.isEmpty() && !sk.isEmpty()) {
            return new HuaweiCloudCredentials(ak, sk, environment.get(PROJECT_ID).orElse(""),
                    environment.get(SECURITY_TOKEN).orElse(""), iamEndpoint);
        }
        Path file = environment.get(CREDENTIALS_FILE).map(Path::of)
                .orElse(environment.home().resolve(".huaweicloud").resolve("credentials"));
        Map<String, String> basic = basicSection(file).orElse(Map.of());
        String fileAk = basic.getOrDefault("ak", "");
        String fileSk = basic.getOrDefault("sk", "");
        if (!fileAk.isEmpty() && !fileSk.isEmpty()) {
            return new HuaweiCloudCredentials(fileAk, fileSk, basic.getOrDefault("project_id", ""),
                    basic.getOrDefault("security_token", ""),
                    iamEndpoint.isEmpty() ? basic.getOrDefault("iam_endpoint", "") : iamEndpoint);
        }
        throw new MissingCredentials("no access key: set " + AK + " and " + SK + ", or ak and sk in the [basic] section of "
                + file);
    }

    /** The key-value pairs of the {@code [basic]} section of an INI file, when the file exists. */
    static Optional<Map<String, String>> basicSection(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MissingCredentials("cannot read the HuaweiCloud credentials file " + file + ": "
                    + e.getClass().getSimpleName());
        }
        Map<String, String> values = new HashMap<>();
        boolean inBasic = false;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                inBasic = line.substring(1, line.length() - 1).strip().equalsIgnoreCase("basic");
                continue;
            }
            int equals = line.indexOf('=');
            if (inBasic && equals > 0) {
                values.put(line.substring(0, equals).strip().toLowerCase(java.util.Locale.ROOT), unquote(line.substring(equals + 1).strip()));
            }
        }
        return Optional.of(values);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    @Override
    public String toString() {
        return "HuaweiCloudCredentials[(hidden)]";
    }

    /** No usable access key pair; the message names where it was looked for, never a value. */
    static final class MissingCredentials extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingCredentials(String message) {
            super(message, null, false, false);
        }
    }
}
