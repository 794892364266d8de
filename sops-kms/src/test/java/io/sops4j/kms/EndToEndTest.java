package io.sops4j.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.DecryptedFile;
import io.sops4j.EncryptionOptions;
import io.sops4j.Sops;
import io.sops4j.error.DataKeyException;
import io.sops4j.format.Format;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySource;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import io.sops4j.kms.aws.AwsKms;
import io.sops4j.kms.aws.AwsStandIn;
import io.sops4j.kms.azure.AzureKeyVaultStandIn;
import io.sops4j.kms.gcp.GcpKmsStandIn;
import io.sops4j.kms.vault.VaultStandIn;
import io.sops4j.kms.vault.VaultTransit;
import io.sops4j.testing.Conformance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Whole files encrypted and decrypted through {@link Sops} with each cloud key source, every one
 * running its official client against a local stand-in that does real cryptography.
 */
class EndToEndTest {

    private static final String ARN = "arn:aws:kms:us-east-1:000000000000:key/00000000-0000-0000-0000-000000000000";
    private static final String GCP_KEY = "projects/p/locations/global/keyRings/ring/cryptoKeys/sops";
    private static final String AWS_ACCESS_KEY = "AKIAENDTOEND";
    private static final String AWS_SECRET = "end-to-end-secret-access-key";
    private static final String VAULT_TOKEN = "s.end-to-end-token";
    private static final String GCP_TOKEN = "ya29.end-to-end-token";
    private static final String PASSWORD = "s3cr3t-Pa55w0rd";

    private static final String YAML = """
            database:
                user: admin
                password: s3cr3t-Pa55w0rd
                port: 5432
            api_keys:
                - k-one
                - k-two
            enabled: true
            ratio: 0.25
            note_unencrypted: visible
            """;

    @TempDir
    Path home;

    private AwsStandIn aws;
    private VaultStandIn vault;
    private KeyEnvironment environment;

    @BeforeEach
    void start() throws Exception {
        aws = new AwsStandIn(Set.of(ARN), Set.of(AWS_ACCESS_KEY));
        vault = new VaultStandIn(VAULT_TOKEN);
        Map<String, String> variables = new HashMap<>();
        variables.put("AWS_ENDPOINT_URL_KMS", aws.endpoint());
        variables.put("AWS_ACCESS_KEY_ID", AWS_ACCESS_KEY);
        variables.put("AWS_SECRET_ACCESS_KEY", AWS_SECRET);
        variables.put("AWS_REGION", "us-east-1");
        variables.put("VAULT_TOKEN", VAULT_TOKEN);
        variables.put("VAULT_MAX_RETRIES", "0");
        variables.put("GOOGLE_OAUTH_ACCESS_TOKEN", GCP_TOKEN);
        environment = KeyEnvironment.of(variables, home);
    }

    @AfterEach
    void stop() {
        aws.close();
        vault.close();
    }

    private Sops sops(KeySource... localSources) {
        Map<String, KeySource> sources = new LinkedHashMap<>(KeySources.installed().byType());
        for (KeySource source : localSources) {
            sources.put(source.type(), source);
        }
        return Sops.builder().environment(environment).keySources(KeySources.of(sources.values().toArray(KeySource[]::new))).build();
    }

    /** Encrypts with one instance and decrypts with a new one, as two runs of a program would. */
    private String roundTrip(String plaintext, Format format, List<MasterKey> keys, KeySource... localSources) {
        byte[] encrypted = sops(localSources).encrypt(plaintext.getBytes(StandardCharsets.UTF_8), format, EncryptionOptions.withKeys(keys));
        String text = new String(encrypted, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(PASSWORD).contains("ENC[AES256_GCM,");

        DecryptedFile decrypted = sops(localSources).decrypt(encrypted, format);

        assertThat(new String(decrypted.toBytes(), StandardCharsets.UTF_8)).isEqualTo(plaintext);
        return text;
    }

    @Test
    void awsKmsFileRoundTripsWithOneDecryptCallAndUpstreamsEntryLayout() {
        String encrypted = roundTrip(YAML, Format.YAML, List.of(AwsKms.key(ARN, Map.of("env", "prod"), "")));

        assertThat(count(aws.calls, "TrentService.Decrypt " + AWS_ACCESS_KEY + " us-east-1")).isEqualTo(1);
        assertThat(count(aws.calls, "TrentService.Encrypt " + AWS_ACCESS_KEY + " us-east-1")).isEqualTo(1);
        assertThat(sopsKeys(encrypted)).containsExactly("kms", "lastmodified", "mac", "unencrypted_suffix", "version");
        assertThat(entryFields(encrypted, "kms")).isEqualTo(MetadataShape.keys(MetadataShape.upstreamKmsEntry()));
        assertThat(masked(block(encrypted, "kms")))
                .isEqualTo(block(Conformance.readString(Conformance.vectors().resolve("vec_k8s.yaml")), "kms"));
    }

    @Test
    void vaultTransitFileRoundTripsWithOneDecryptCall() {
        String encrypted = roundTrip(YAML, Format.YAML, List.of(VaultTransit.key(vault.address() + "/v1/transit/keys/app")));

        assertThat(count(vault.paths, "PUT /v1/transit/decrypt/app")).isEqualTo(1);
        assertThat(sopsKeys(encrypted)).containsExactly("hc_vault", "lastmodified", "mac", "unencrypted_suffix", "version");
        assertThat(entryFields(encrypted, "hc_vault")).containsExactly("created_at", "enc", "engine_path", "key_name", "vault_address");
    }

    @Test
    void gcpKmsFileRoundTripsWithOneDecryptCall() throws Exception {
        try (GcpKmsStandIn gcp = new GcpKmsStandIn(Set.of(GCP_KEY), GCP_TOKEN::equals)) {
            String encrypted = roundTrip(YAML, Format.YAML, List.of(gcp.key(GCP_KEY)), gcp.keySource());

            assertThat(count(gcp.calls, "Decrypt")).isEqualTo(1);
            assertThat(sopsKeys(encrypted)).containsExactly("gcp_kms", "lastmodified", "mac", "unencrypted_suffix", "version");
            assertThat(entryFields(encrypted, "gcp_kms")).containsExactly("created_at", "enc", "resource_id");
        }
    }

    @Test
    void azureKeyVaultFileRoundTripsWithOneDecryptCall() throws Exception {
        TestCertificate certificate = new TestCertificate(AzureKeyVaultStandIn.HOST);
        try (AzureKeyVaultStandIn azure = new AzureKeyVaultStandIn(certificate, Map.of("sops", List.of("1111aaaa")))) {
            KeySource local = azure.keySource();
            String encrypted = roundTrip(YAML, Format.YAML, List.of(local.fromIdentifier(azure.vaultUrl() + "/keys/sops")), local);

            assertThat(count(azure.calls, "POST /keys/sops/1111aaaa/decrypt")).isEqualTo(1);
            assertThat(sopsKeys(encrypted)).containsExactly("azure_kv", "lastmodified", "mac", "unencrypted_suffix", "version");
            assertThat(entryFields(encrypted, "azure_kv")).containsExactly("created_at", "enc", "name", "vault_url", "version");
            assertThat(encrypted).contains("version: 1111aaaa");
        }
    }

    @Test
    void jsonAndDotenvFilesRoundTrip() {
        MasterKey key = VaultTransit.key(vault.address() + "/v1/transit/keys/app");
        String json = """
                {
                \t"database": {
                \t\t"user": "admin",
                \t\t"password": "s3cr3t-Pa55w0rd",
                \t\t"port": 5432
                \t},
                \t"api_keys": [
                \t\t"k-one",
                \t\t"k-two"
                \t],
                \t"enabled": true
                }
                """;
        String dotenv = """
                DB_USER=admin
                DB_PASSWORD=s3cr3t-Pa55w0rd
                PORT=5432
                """;

        assertThat(roundTrip(json, Format.JSON, List.of(key))).contains("\"hc_vault\": [");
        assertThat(roundTrip(dotenv, Format.DOTENV, List.of(key))).contains("sops_hc_vault__list_0__map_key_name=app");
        assertThat(count(vault.paths, "PUT /v1/transit/decrypt/app")).isEqualTo(2);
    }

    @Test
    void oneKmsCallPerFileHoweverManyValues() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            yaml.append("secret_").append(i).append(": value-").append(i).append('\n');
        }

        roundTrip(yaml.toString(), Format.YAML, List.of(AwsKms.key(ARN, Map.of(), "")));

        assertThat(aws.calls).containsExactly(
                "TrentService.Encrypt " + AWS_ACCESS_KEY + " us-east-1",
                "TrentService.Decrypt " + AWS_ACCESS_KEY + " us-east-1");
    }

    @Test
    void aFileForTwoServicesDecryptsWhileOnlyOneIsRunning() {
        List<MasterKey> keys = List.of(AwsKms.key(ARN, Map.of(), ""), VaultTransit.key(vault.address() + "/v1/transit/keys/app"));
        byte[] encrypted = sops().encrypt(YAML.getBytes(StandardCharsets.UTF_8), Format.YAML, EncryptionOptions.withKeys(keys));
        aws.close();

        DecryptedFile decrypted = sops().decrypt(encrypted, Format.YAML);

        assertThat(decrypted.extract("[\"database\"][\"password\"]")).isEqualTo(PASSWORD);
        assertThat(new String(encrypted, StandardCharsets.UTF_8)).contains("kms:", "hc_vault:");
        assertThat(vault.paths).containsExactly("PUT /v1/transit/encrypt/app", "PUT /v1/transit/decrypt/app");
    }

    @Test
    void whenNoServiceAnswersTheReportNamesEachKeyAndCauseWithoutSecrets() {
        String vaultKey = vault.address() + "/v1/transit/keys/app";
        List<MasterKey> keys = List.of(AwsKms.key(ARN, Map.of(), ""), VaultTransit.key(vaultKey));
        byte[] encrypted = sops().encrypt(YAML.getBytes(StandardCharsets.UTF_8), Format.YAML, EncryptionOptions.withKeys(keys));
        aws.close();
        vault.close();

        assertThatThrownBy(() -> sops().decrypt(encrypted, Format.YAML))
                .isInstanceOf(DataKeyException.class)
                .satisfies(e -> {
                    String report = e.getMessage();
                    assertThat(report).contains("Group 0: FAILED", ARN + ": FAILED", vaultKey + ": FAILED",
                            "failed to decrypt the data key with AWS KMS key " + ARN,
                            "failed to decrypt the data key with",
                            "no master key was able to decrypt the file");
                    assertThat(lines(report, ": FAILED")).hasSize(3);
                    assertThat(report).doesNotContain(AWS_SECRET, VAULT_TOKEN, PASSWORD, "admin", "k-one");
                });
    }

    // ---------------------------------------------------------------- reading the encrypted file

    private static long count(List<String> calls, String call) {
        return calls.stream().filter(call::equals).count();
    }

    private static List<String> lines(String text, String containing) {
        return text.lines().filter(line -> line.contains(containing)).toList();
    }

    private static Map<?, ?> sopsSection(String yaml) {
        Map<?, ?> document = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
        return (Map<?, ?>) document.get("sops");
    }

    private static List<String> sopsKeys(String yaml) {
        List<String> keys = new ArrayList<>();
        sopsSection(yaml).keySet().forEach(key -> keys.add(key.toString()));
        return keys;
    }

    private static List<String> entryFields(String yaml, String type) {
        List<?> entries = (List<?>) sopsSection(yaml).get(type);
        assertThat(entries).hasSize(1);
        List<String> fields = new ArrayList<>();
        ((Map<?, ?>) entries.get(0)).keySet().forEach(key -> fields.add(key.toString()));
        return fields;
    }

    /** The lines of metadata list {@code type}, from its key to the line before the next metadata key. */
    private static String block(String yaml, String type) {
        Matcher matcher = Pattern.compile("(?m)^    " + type + ":\n(?:    [ -].*\n)+").matcher(yaml);
        assertThat(matcher.find()).as("%s list in\n%s", type, yaml).isTrue();
        return matcher.group();
    }

    /** The block with the values that differ from file to file replaced by those of the upstream vector. */
    private static String masked(String block) {
        return block.replaceAll("created_at: \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"", "created_at: \"2026-01-01T00:00:00Z\"")
                .replaceAll("enc: [A-Za-z0-9+/]+=*\n", "enc: FAKE-NOT-DECRYPTABLE\n");
    }
}
