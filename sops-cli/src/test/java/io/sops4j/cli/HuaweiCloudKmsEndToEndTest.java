package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.kms.hckms.HuaweiCloudKmsStandIn;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HuaweiCloud KMS keys on the command line: {@code --hckms}, {@code SOPS_HUAWEICLOUD_KMS_IDS},
 * {@code rotate --add-hckms/--rm-hckms} and {@code .sops.yaml} {@code hckms:} with
 * {@code updatekeys}, against a stand-in that checks every request's signature, configured
 * through HuaweiCloud's SDK variables alone.
 */
class HuaweiCloudKmsEndToEndTest {

    private static final String REGION = "tr-west-1";
    private static final String UUID = "12345678-1234-1234-1234-123456789abc";
    private static final String SECOND_UUID = "87654321-4321-4321-4321-cba987654321";
    private static final String KEY = REGION + ":" + UUID;
    private static final String SECOND_KEY = REGION + ":" + SECOND_UUID;
    private static final String AK = "HPUACOMMANDLINEAK";
    private static final String SK = "command-line-secret-key-value";
    private static final String PLAIN = """
            database:
                user: admin
                password: s3cr3t-Pa55w0rd
            port: 5432
            """;

    @TempDir
    Path dir;

    private Cli cli;
    private HuaweiCloudKmsStandIn hckms;

    @BeforeEach
    void start() throws Exception {
        hckms = new HuaweiCloudKmsStandIn(REGION, Set.of(UUID, SECOND_UUID), Map.of(AK, SK));
        cli = new Cli(dir).env("SOPS_AGE_KEY", null)
                .env(hckms.endpointVariable(), hckms.endpoint())
                .env("HUAWEICLOUD_SDK_AK", AK)
                .env("HUAWEICLOUD_SDK_SK", SK)
                .env("HUAWEICLOUD_SDK_PROJECT_ID", HuaweiCloudKmsStandIn.PROJECT_ID);
        cli.write("secrets.yaml", PLAIN);
    }

    @AfterEach
    void stop() {
        hckms.close();
    }

    @Test
    void encryptWithTheFlagDecryptAndRotateKeysInAndOut() {
        Cli.Result encrypted = cli.run("encrypt", "--hckms", KEY, "secrets.yaml");
        assertThat(encrypted.exit()).as(encrypted.err()).isZero();
        assertThat(encrypted.out()).doesNotContain("s3cr3t-Pa55w0rd").contains("    hckms:\n        - created_at: \"")
                .containsPattern("\n          enc: \\S+\n          key_id: " + KEY + "\n");
        cli.write("secrets.enc.yaml", encrypted.out());
        Cli.Result verbose = cli.run("--verbose", "decrypt", "secrets.enc.yaml");
        assertThat(verbose.exit()).as(verbose.err()).isZero();
        assertThat(verbose.out()).isEqualTo(PLAIN);
        assertThat(verbose.err()).contains(KEY).doesNotContain(AK, SK, "Authorization", "s3cr3t-Pa55w0rd");

        Cli.Result added = cli.run("rotate", "-i", "--add-hckms", SECOND_KEY, "secrets.enc.yaml");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(cli.read("secrets.enc.yaml")).contains("key_id: " + KEY, "key_id: " + SECOND_KEY);

        Cli.Result removed = cli.run("rotate", "-i", "--rm-hckms", KEY, "secrets.enc.yaml");
        assertThat(removed.exit()).as(removed.err()).isZero();
        assertThat(cli.read("secrets.enc.yaml")).contains("key_id: " + SECOND_KEY).doesNotContain("key_id: " + KEY);
        assertThat(cli.decrypt("secrets.enc.yaml")).isEqualTo(PLAIN);
    }

    @Test
    void theEnvironmentVariableThenACreationRuleThroughUpdatekeys() {
        cli.env("SOPS_HUAWEICLOUD_KMS_IDS", KEY);
        Cli.Result encrypted = cli.run("encrypt", "-i", "secrets.yaml");
        assertThat(encrypted.exit()).as(encrypted.err()).isZero();
        assertThat(cli.read("secrets.yaml")).contains("key_id: " + KEY);

        cli.env("SOPS_HUAWEICLOUD_KMS_IDS", null);
        cli.write(".sops.yaml", """
                creation_rules:
                  - path_regex: \\.yaml$
                    key_groups:
                      - hckms:
                          - key_id: %s
                """.formatted(SECOND_KEY));
        Cli.Result updated = cli.run("updatekeys", "-y", "secrets.yaml");
        assertThat(updated.exit()).as(updated.err()).isZero();
        assertThat(cli.read("secrets.yaml")).contains("key_id: " + SECOND_KEY).doesNotContain("key_id: " + KEY);
        assertThat(cli.decrypt("secrets.yaml")).isEqualTo(PLAIN);

        cli.write("other.yaml", PLAIN);
        cli.write(".sops.yaml", """
                creation_rules:
                  - path_regex: \\.yaml$
                    hckms:
                      - %s
                """.formatted(KEY));
        Cli.Result fromRule = cli.run("encrypt", "-i", "other.yaml");
        assertThat(fromRule.exit()).as(fromRule.err()).isZero();
        assertThat(cli.read("other.yaml")).contains("hckms:", "key_id: " + KEY);
    }

    @Test
    void wrongCredentialsFailAsUpstreamWithoutShowingSecrets() {
        Cli.Result encrypted = cli.run("encrypt", "--hckms", KEY, "secrets.yaml");
        assertThat(encrypted.exit()).as(encrypted.err()).isZero();
        cli.write("secrets.enc.yaml", encrypted.out());
        cli.env("HUAWEICLOUD_SDK_SK", "wrong-secret-key-value");

        Cli.Result decrypted = cli.run("--verbose", "decrypt", "secrets.enc.yaml");
        assertThat(decrypted.exit()).isEqualTo(128);
        assertThat(decrypted.out()).isEmpty();
        assertThat(decrypted.err()).contains(KEY + ": FAILED", "failed to decrypt sops data key with HuaweiCloud KMS key",
                        "APIGW.0301")
                .doesNotContain(SK, "wrong-secret-key-value", AK, "s3cr3t-Pa55w0rd");

        Cli.Result reencrypted = cli.run("--verbose", "encrypt", "--hckms", KEY, "secrets.yaml");
        assertThat(reencrypted.exit()).isEqualTo(1);
        assertThat(reencrypted.out()).isEmpty();
        assertThat(reencrypted.err()).contains("Could not generate data key", "failed to encrypt sops data key")
                .doesNotContain(SK, "wrong-secret-key-value", AK, "s3cr3t-Pa55w0rd");
    }

    @Test
    void anInvalidKeyIdIsAUserErrorNamingTheExpectedForm() {
        Cli.Result result = cli.run("encrypt", "--hckms", UUID, "secrets.yaml");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("invalid key ID format: expected 'region:key-uuid'").doesNotContain("bug");
        assertThat(hckms.calls).isEmpty();
    }
}
