package io.sops4j.kms.hckms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.DataKeyException;
import io.sops4j.error.ExitCode;
import io.sops4j.error.FormatException;
import io.sops4j.error.SopsException;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySource;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import io.sops4j.kms.MetadataShape;
import io.sops4j.tree.TreeBranch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuaweiCloudKmsTest {

    static final String REGION = "tr-west-1";
    static final String UUID = "12345678-1234-1234-1234-123456789abc";
    static final String KEY_ID = REGION + ":" + UUID;
    static final String AK = "HPUAEXAMPLEACCESSKEY";
    static final String SK = "example-secret-key-never-printed";

    @TempDir
    Path home;

    private HuaweiCloudKmsStandIn hckms;
    private final byte[] dataKey = new byte[32];

    @BeforeEach
    void start() throws IOException {
        hckms = new HuaweiCloudKmsStandIn(REGION, Set.of(UUID), Map.of(AK, SK));
        new SecureRandom().nextBytes(dataKey);
    }

    @AfterEach
    void stop() {
        hckms.close();
    }

    private Map<String, String> variables() {
        Map<String, String> variables = new HashMap<>();
        variables.put(hckms.endpointVariable(), hckms.endpoint());
        variables.put("HUAWEICLOUD_SDK_AK", AK);
        variables.put("HUAWEICLOUD_SDK_SK", SK);
        variables.put("HUAWEICLOUD_SDK_PROJECT_ID", HuaweiCloudKmsStandIn.PROJECT_ID);
        return variables;
    }

    private KeyEnvironment environment(Map<String, String> variables) {
        return KeyEnvironment.of(variables, home);
    }

    @Test
    void encryptsAndDecryptsThroughSignedCalls() {
        MasterKey encrypted = HuaweiCloudKms.key(KEY_ID).encrypt(dataKey, environment(variables()));

        assertThat(encrypted.encryptedKey()).isNotEmpty().doesNotContain(java.util.Base64.getEncoder().encodeToString(dataKey));
        assertThat(encrypted.decrypt(environment(variables()))).isEqualTo(dataKey);
        String path = "/v1.0/" + HuaweiCloudKmsStandIn.PROJECT_ID + "/kms/";
        assertThat(hckms.calls).containsExactly(
                "POST " + path + "encrypt-data " + AK + " content-type;host;x-project-id;x-sdk-date",
                "POST " + path + "decrypt-data " + AK + " content-type;host;x-project-id;x-sdk-date");
    }

    @Test
    void storedFieldsAreUpstreamsInGoOrderAndRoundTrip() {
        MasterKey encrypted = HuaweiCloudKms.key(KEY_ID).encrypt(dataKey, environment(variables()));
        TreeBranch entry = encrypted.toMetadata();

        assertThat(MetadataShape.keys(entry)).containsExactly("created_at", "enc", "key_id");
        assertThat(entry.get("key_id")).contains(KEY_ID);
        assertThat((String) entry.get("created_at").orElseThrow()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        KeySource source = KeySources.installed().find("hckms").orElseThrow();
        MasterKey loaded = source.fromMetadata(entry);
        assertThat(loaded.id()).isEqualTo(KEY_ID);
        assertThat(loaded.toMetadata()).isEqualTo(entry);
        assertThat(loaded.decrypt(environment(variables()))).isEqualTo(dataKey);
    }

    @Test
    void keyIdsAreParsedAsUpstreamDoes() {
        HuaweiCloudKmsMasterKey key = HuaweiCloudKms.key(KEY_ID);
        assertThat(key.region()).isEqualTo(REGION);
        assertThat(key.keyUuid()).isEqualTo(UUID);
        assertThat(key.id()).isEqualTo(KEY_ID);

        assertThat(HuaweiCloudKms.keys(" " + KEY_ID + " , tr-west-1:87654321-4321-4321-4321-cba987654321 ,"))
                .extracting(MasterKey::id).containsExactly(KEY_ID, "tr-west-1:87654321-4321-4321-4321-cba987654321");
        assertThat(HuaweiCloudKms.keys("")).isEmpty();

        assertThatThrownBy(() -> HuaweiCloudKms.key("tr-west-1-" + UUID)).isInstanceOf(FormatException.class)
                .hasMessageContaining("expected 'region:key-uuid'");
        assertThatThrownBy(() -> HuaweiCloudKms.key(":" + UUID)).hasMessageContaining("region cannot be empty");
        assertThatThrownBy(() -> HuaweiCloudKms.key("tr-west-1:")).hasMessageContaining("key UUID cannot be empty");
        assertThatThrownBy(() -> HuaweiCloudKms.key("")).isInstanceOf(FormatException.class);
        assertThatThrownBy(() -> HuaweiCloudKms.keys(KEY_ID + ",invalid-key-id")).isInstanceOf(FormatException.class);
    }

    @Test
    void aStoredEntryWithAnInvalidKeyIdIsRefusedOnLoad() {
        TreeBranch entry = new TreeBranch().add("created_at", "2026-01-01T00:00:00Z").add("enc", "x").add("key_id", UUID);

        assertThatThrownBy(() -> KeySources.installed().find("hckms").orElseThrow().fromMetadata(entry))
                .isInstanceOf(FormatException.class).hasMessageContaining("region:key-uuid");
    }

    @Test
    void aKeyGroupObjectNamesItsKeyId() {
        MasterKey key = KeySources.installed().find("hckms").orElseThrow().fromConfig(Map.of("key_id", KEY_ID));

        assertThat(key.id()).isEqualTo(KEY_ID);
        assertThat(key.type()).isEqualTo("hckms");
    }

    @Test
    void withoutAProjectIdTheRegionsProjectIsLookedUpInIam() {
        Map<String, String> variables = variables();
        variables.remove("HUAWEICLOUD_SDK_PROJECT_ID");
        variables.put("HUAWEICLOUD_SDK_IAM_ENDPOINT", hckms.endpoint());

        MasterKey encrypted = HuaweiCloudKms.key(KEY_ID).encrypt(dataKey, environment(variables));

        assertThat(encrypted.decrypt(environment(variables))).isEqualTo(dataKey);
        assertThat(hckms.calls).hasSize(4);
        assertThat(hckms.calls.get(0)).isEqualTo("GET /v3/projects " + AK + " host;x-sdk-date");
        assertThat(hckms.calls.get(1)).startsWith("POST /v1.0/" + HuaweiCloudKmsStandIn.PROJECT_ID + "/kms/encrypt-data");
    }

    @Test
    void theCredentialsFileIsReadWhenTheVariablesAreAbsent() throws IOException {
        Path file = home.resolve(".huaweicloud").resolve("credentials");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                # profile
                [global]
                ak = OTHER
                sk = other
                [basic]
                ak = %s
                sk = %s
                project_id = %s
                security_token = temporary-security-token
                """.formatted(AK, SK, HuaweiCloudKmsStandIn.PROJECT_ID));
        Map<String, String> variables = Map.of(hckms.endpointVariable(), hckms.endpoint());

        MasterKey encrypted = HuaweiCloudKms.key(KEY_ID).encrypt(dataKey, environment(variables));

        assertThat(encrypted.decrypt(environment(variables))).isEqualTo(dataKey);
        assertThat(hckms.securityTokens).containsExactly("temporary-security-token", "temporary-security-token");
        assertThat(hckms.calls.get(0)).endsWith("content-type;host;x-project-id;x-sdk-date;x-security-token");
    }

    @Test
    void aWrongSecretKeyIsRefusedByTheSignatureCheckAndNothingSecretIsShown() {
        Map<String, String> variables = variables();
        variables.put("HUAWEICLOUD_SDK_SK", "wrong-secret-key-value");

        assertThatThrownBy(() -> HuaweiCloudKms.key(KEY_ID).encrypt(dataKey, environment(variables)))
                .isInstanceOf(DataKeyException.class)
                .satisfies(e -> assertThat(((SopsException) e).exitCode()).isEqualTo(ExitCode.COULD_NOT_RETRIEVE_KEY))
                .hasMessageContaining("failed to encrypt sops data key with HuaweiCloud KMS key " + KEY_ID)
                .hasMessageContaining("\"status_code\":401").hasMessageContaining("APIGW.0301")
                .message().doesNotContain("wrong-secret-key-value", AK, SK);
        assertThat(hckms.calls).isEmpty();
    }

    @Test
    void missingCredentialsNameTheVariablesAndTheFile() {
        Map<String, String> variables = Map.of(hckms.endpointVariable(), hckms.endpoint(), "HUAWEICLOUD_SDK_AK", AK);

        assertThatThrownBy(() -> HuaweiCloudKms.key(KEY_ID).encrypt(dataKey, environment(variables)))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining("failed to get HuaweiCloud credentials")
                .hasMessageContaining("HUAWEICLOUD_SDK_SK")
                .hasMessageContaining(home.resolve(".huaweicloud").resolve("credentials").toString())
                .message().doesNotContain(AK);
    }

    @Test
    void anUnknownRegionWithoutAnEndpointFailsBeforeAnyCall() {
        Map<String, String> variables = variables();
        assertThatThrownBy(() -> HuaweiCloudKms.key("xx-nowhere-1:" + UUID).encrypt(dataKey, environment(variables)))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining("invalid region \"xx-nowhere-1\"")
                .hasMessageContaining("HUAWEICLOUD_SDK_REGION_KMS_XX_NOWHERE_1");
        assertThat(hckms.calls).isEmpty();
    }

    @Test
    void knownRegionsUseTheSdksEndpoints() {
        HuaweiCloudKmsClient client = new HuaweiCloudKmsClient(environment(Map.of()));

        assertThat(client.endpoint("tr-west-1")).hasToString("https://kms.tr-west-1.myhuaweicloud.com");
        assertThat(client.endpoint("eu-west-101")).hasToString("https://kms.eu-west-101.myhuaweicloud.eu");
        assertThat(new HuaweiCloudKmsClient(environment(Map.of("HUAWEICLOUD_SDK_REGION_KMS_CN_NORTH_4",
                "https://kms.internal:8443,https://spare"))).endpoint("cn-north-4")).hasToString("https://kms.internal:8443");
    }

    @Test
    void anotherKeysCipherTextDoesNotDecrypt() throws IOException {
        String other = "87654321-4321-4321-4321-cba987654321";
        hckms.close();
        hckms = new HuaweiCloudKmsStandIn(REGION, Set.of(UUID, other), Map.of(AK, SK));
        MasterKey encrypted = HuaweiCloudKms.key(KEY_ID).encrypt(dataKey, environment(variables()));
        TreeBranch entry = new TreeBranch().add("created_at", "2026-01-01T00:00:00Z")
                .add("enc", encrypted.encryptedKey()).add("key_id", REGION + ":" + other);

        MasterKey swapped = KeySources.installed().find("hckms").orElseThrow().fromMetadata(entry);

        assertThatThrownBy(() -> swapped.decrypt(environment(variables()))).isInstanceOf(DataKeyException.class)
                .hasMessageContaining("failed to decrypt sops data key").hasMessageContaining("KMS.0207");
        assertThat(List.copyOf(hckms.calls)).hasSize(2);
    }
}
