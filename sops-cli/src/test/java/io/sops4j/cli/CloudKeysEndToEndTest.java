package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.kms.TestCertificate;
import io.sops4j.kms.aws.AwsStandIn;
import io.sops4j.kms.gcp.GcpKmsStandIn;
import io.sops4j.kms.vault.VaultStandIn;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sops encrypt} and {@code sops decrypt} as processes with cloud keys, each reaching a
 * local stand-in of the service through the environment alone, as a user would point the tool at
 * a test deployment.
 */
class CloudKeysEndToEndTest {

    private static final String ARN = "arn:aws:kms:eu-west-1:000000000000:key/00000000-0000-0000-0000-000000000000";
    private static final String AWS_ACCESS_KEY = "AKIACOMMANDLINE";
    private static final String AWS_SECRET = "command-line-secret-access-key";
    private static final String VAULT_TOKEN = "s.command-line-token";
    private static final String PLAIN = """
            database:
                user: admin
                password: s3cr3t-Pa55w0rd
            api_keys:
                - k-one
                - k-two
            port: 5432
            """;

    @TempDir
    Path dir;

    private Cli cli;
    private VaultStandIn vault;

    @BeforeEach
    void start() throws Exception {
        vault = new VaultStandIn(VAULT_TOKEN);
        cli = new Cli(dir).env("SOPS_AGE_KEY", null).env("VAULT_TOKEN", VAULT_TOKEN).env("VAULT_MAX_RETRIES", "0");
        cli.write("secrets.yaml", PLAIN);
    }

    @AfterEach
    void stop() {
        vault.close();
    }

    private String vaultKey() {
        return vault.address() + "/v1/transit/keys/app";
    }

    @Test
    void vaultTransitKeyFromTheFlag() {
        Cli.Result encrypted = cli.run("encrypt", "--hc-vault-transit", vaultKey(), "secrets.yaml");
        assertThat(encrypted.exit()).as(encrypted.err()).isZero();
        assertThat(encrypted.out()).doesNotContain("s3cr3t-Pa55w0rd")
                .contains("hc_vault:", "vault_address: " + vault.address(), "engine_path: transit", "key_name: app", "enc: vault:v1:");
        cli.write("secrets.enc.yaml", encrypted.out());

        assertThat(cli.decrypt("secrets.enc.yaml")).isEqualTo(PLAIN);
        assertThat(vault.paths).containsExactly("PUT /v1/transit/encrypt/app", "PUT /v1/transit/decrypt/app");
    }

    @Test
    void vaultTransitKeyFromACreationRuleAndAFailureNamingKeyAndCause() {
        cli.write(".sops.yaml", """
                creation_rules:
                  - path_regex: \\.yaml$
                    hc_vault_transit_uri: %s
                """.formatted(vaultKey()));

        Cli.Result encrypted = cli.run("encrypt", "-i", "secrets.yaml");
        assertThat(encrypted.exit()).as(encrypted.err()).isZero();
        assertThat(cli.read("secrets.yaml")).doesNotContain("s3cr3t-Pa55w0rd").contains("hc_vault:", "key_name: app");

        assertThat(cli.decrypt("secrets.yaml")).isEqualTo(PLAIN);
        assertThat(vault.paths).containsExactly("PUT /v1/transit/encrypt/app", "PUT /v1/transit/decrypt/app");

        vault.close();
        Cli.Result unreachable = cli.run("decrypt", "secrets.yaml");
        assertThat(unreachable.exit()).isEqualTo(128);
        assertThat(unreachable.out()).isEmpty();
        assertThat(unreachable.err()).contains(vaultKey() + ": FAILED", "failed to decrypt the data key with")
                .doesNotContain(VAULT_TOKEN, "s3cr3t-Pa55w0rd");
    }

    @Test
    void awsKmsKeyWithAnEncryptionContext() throws Exception {
        try (AwsStandIn aws = new AwsStandIn(Set.of(ARN), Set.of(AWS_ACCESS_KEY))) {
            cli.env("AWS_ENDPOINT_URL_KMS", aws.endpoint())
                    .env("AWS_ACCESS_KEY_ID", AWS_ACCESS_KEY)
                    .env("AWS_SECRET_ACCESS_KEY", AWS_SECRET)
                    .env("AWS_REGION", "us-east-1");

            Cli.Result encrypted = cli.run("encrypt", "--kms", ARN, "--encryption-context", "env:prod,app:web", "secrets.yaml");
            assertThat(encrypted.exit()).as(encrypted.err()).isZero();
            assertThat(encrypted.err()).as("the AWS SDK's logging stays silent").doesNotContain("SLF4J").isEmpty();
            assertThat(encrypted.out()).doesNotContain("s3cr3t-Pa55w0rd").contains(String.join("\n",
                    "    kms:",
                    "        - arn: " + ARN,
                    "          aws_profile: \"\"",
                    "          context:",
                    "            app: web",
                    "            env: prod",
                    "          created_at: \""));
            cli.write("secrets.enc.yaml", encrypted.out());

            assertThat(cli.decrypt("secrets.enc.yaml")).isEqualTo(PLAIN);
            assertThat(aws.calls).containsExactly(
                    "TrentService.Encrypt " + AWS_ACCESS_KEY + " eu-west-1",
                    "TrentService.Decrypt " + AWS_ACCESS_KEY + " eu-west-1");
        }
    }

    /**
     * {@code SOPS_GCP_KMS_ENDPOINT} names the stand-in's TLS port; the JVM trusts its certificate
     * through {@code JAVA_TOOL_OPTIONS}, as a private CA would be added in a real deployment.
     */
    @Test
    void gcpKmsKeyThroughTheEndpointVariable() throws Exception {
        String resourceId = "projects/p/locations/global/keyRings/ring/cryptoKeys/sops";
        String token = "ya29.command-line-token";
        TestCertificate certificate = new TestCertificate();
        Path trustStore = dir.resolve("trust.p12");
        certificate.writeTrustStore(trustStore, "changeit".toCharArray());
        try (GcpKmsStandIn gcp = new GcpKmsStandIn(Set.of(resourceId), token::equals, certificate)) {
            cli.env("SOPS_GCP_KMS_ENDPOINT", gcp.endpoint())
                    .env("GOOGLE_OAUTH_ACCESS_TOKEN", token)
                    .env("JAVA_TOOL_OPTIONS", "-Djavax.net.ssl.trustStore=" + trustStore
                            + " -Djavax.net.ssl.trustStorePassword=changeit -Djavax.net.ssl.trustStoreType=PKCS12");

            Cli.Result encrypted = cli.run("encrypt", "--gcp-kms", resourceId, "secrets.yaml");
            assertThat(encrypted.exit()).as(encrypted.err()).isZero();
            assertThat(encrypted.out()).doesNotContain("s3cr3t-Pa55w0rd").contains("gcp_kms:", "resource_id: " + resourceId);
            cli.write("secrets.enc.yaml", encrypted.out());

            assertThat(cli.decrypt("secrets.enc.yaml")).isEqualTo(PLAIN);
            assertThat(gcp.calls).containsExactly("Encrypt", "Decrypt");
        }
    }
}
