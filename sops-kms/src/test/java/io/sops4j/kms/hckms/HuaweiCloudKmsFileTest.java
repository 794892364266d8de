package io.sops4j.kms.hckms;

import static io.sops4j.kms.hckms.HuaweiCloudKmsTest.AK;
import static io.sops4j.kms.hckms.HuaweiCloudKmsTest.KEY_ID;
import static io.sops4j.kms.hckms.HuaweiCloudKmsTest.REGION;
import static io.sops4j.kms.hckms.HuaweiCloudKmsTest.SK;
import static io.sops4j.kms.hckms.HuaweiCloudKmsTest.UUID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.EncryptionOptions;
import io.sops4j.metadata.EncryptionRules;
import io.sops4j.Sops;
import io.sops4j.config.CreationRule;
import io.sops4j.config.SopsConfig;
import io.sops4j.error.DataKeyException;
import io.sops4j.format.Format;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import io.sops4j.metadata.KeyGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole files through {@link Sops} with HuaweiCloud KMS keys, and the {@code hckms} fields of {@code .sops.yaml}. */
class HuaweiCloudKmsFileTest {

    private static final String SECOND_UUID = "87654321-4321-4321-4321-cba987654321";
    private static final String YAML = """
            database:
                user: admin
                password: s3cr3t-Pa55w0rd
            port: 5432
            """;

    @TempDir
    Path home;

    private HuaweiCloudKmsStandIn hckms;
    private Sops sops;

    @BeforeEach
    void start() throws IOException {
        hckms = new HuaweiCloudKmsStandIn(REGION, Set.of(UUID, SECOND_UUID), Map.of(AK, SK));
        KeyEnvironment environment = KeyEnvironment.of(Map.of(hckms.endpointVariable(), hckms.endpoint(),
                "HUAWEICLOUD_SDK_AK", AK, "HUAWEICLOUD_SDK_SK", SK,
                "HUAWEICLOUD_SDK_PROJECT_ID", HuaweiCloudKmsStandIn.PROJECT_ID), home);
        sops = Sops.builder().environment(environment).build();
    }

    @AfterEach
    void stop() {
        hckms.close();
    }

    @Test
    void aYamlFileRoundTripsWithTheUpstreamLayout() {
        byte[] encrypted = sops.encrypt(YAML.getBytes(StandardCharsets.UTF_8), Format.YAML,
                EncryptionOptions.withKeys(List.of(HuaweiCloudKms.key(KEY_ID))));
        String text = new String(encrypted, StandardCharsets.UTF_8);

        assertThat(text).doesNotContain("s3cr3t-Pa55w0rd").contains(String.join("\n",
                "sops:",
                "    hckms:",
                "        - created_at: \""));
        assertThat(text).containsPattern("(?m)^          enc: \\S+\n          key_id: " + KEY_ID + "\n    lastmodified:");
        assertThat(new String(sops.decrypt(encrypted, Format.YAML).toBytes(), StandardCharsets.UTF_8)).isEqualTo(YAML);
        assertThat(hckms.calls).hasSize(2);
    }

    @Test
    void twoKeyGroupsEachCarryTheirHckmsEntry() {
        MasterKey first = HuaweiCloudKms.key(KEY_ID);
        MasterKey second = HuaweiCloudKms.key(REGION + ":" + SECOND_UUID);
        EncryptionOptions options = new EncryptionOptions(List.of(new KeyGroup(List.of(first)), new KeyGroup(List.of(second))),
                0, EncryptionRules.none(), false);
        byte[] encrypted = sops.encrypt(YAML.getBytes(StandardCharsets.UTF_8), Format.YAML, options);
        String text = new String(encrypted, StandardCharsets.UTF_8);

        assertThat(text).contains(String.join("\n",
                "    key_groups:",
                "        - age: []",
                "          hc_vault: []",
                "          hckms:",
                "            - created_at: "), "key_id: " + REGION + ":" + SECOND_UUID);
        assertThat(new String(sops.decrypt(encrypted, Format.YAML).toBytes(), StandardCharsets.UTF_8)).isEqualTo(YAML);
        assertThat(hckms.calls).hasSize(4);
    }

    @Test
    void aFileDoesNotDecryptWithAnotherAccountsSecretKey() {
        byte[] encrypted = sops.encrypt(YAML.getBytes(StandardCharsets.UTF_8), Format.YAML,
                EncryptionOptions.withKeys(List.of(HuaweiCloudKms.key(KEY_ID))));
        Sops wrong = Sops.builder().environment(KeyEnvironment.of(Map.of(hckms.endpointVariable(), hckms.endpoint(),
                "HUAWEICLOUD_SDK_AK", AK, "HUAWEICLOUD_SDK_SK", "not-the-secret",
                "HUAWEICLOUD_SDK_PROJECT_ID", HuaweiCloudKmsStandIn.PROJECT_ID), home)).build();

        assertThatThrownBy(() -> wrong.decrypt(encrypted, Format.YAML)).isInstanceOf(DataKeyException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(KEY_ID + ": FAILED", "APIGW.0301")
                        .doesNotContain("not-the-secret", SK, AK, "s3cr3t-Pa55w0rd"));
    }

    @Test
    void sopsYamlNamesHckmsKeysAsAListAndAsKeyGroupObjects() throws IOException {
        Path config = Files.writeString(home.resolve(".sops.yaml"), """
                creation_rules:
                  - path_regex: flat\\.yaml$
                    age: age1lzd99uklcjnc0e7d860axevet2cz99ce9pq6tzuzd05l5nr28ams36nvun
                    hckms:
                      - %s
                      - %s
                  - path_regex: grouped\\.yaml$
                    key_groups:
                      - hckms:
                          - key_id: %s
                        age:
                          - age1lzd99uklcjnc0e7d860axevet2cz99ce9pq6tzuzd05l5nr28ams36nvun
                """.formatted(KEY_ID, REGION + ":" + SECOND_UUID, KEY_ID));
        SopsConfig loaded = SopsConfig.load(config);

        CreationRule flat = loaded.ruleFor(home.resolve("flat.yaml"), KeySources.installed());
        assertThat(flat.keyGroups().get(0).keys()).extracting(MasterKey::type).containsExactly("age", "hckms", "hckms");
        assertThat(flat.keyGroups().get(0).keys()).extracting(MasterKey::id).contains(KEY_ID, REGION + ":" + SECOND_UUID);

        CreationRule grouped = loaded.ruleFor(home.resolve("grouped.yaml"), KeySources.installed());
        assertThat(grouped.keyGroups().get(0).keys()).extracting(MasterKey::type).containsExactly("age", "hckms");
        assertThat(grouped.keyGroups().get(0).keys().get(1).id()).isEqualTo(KEY_ID);
    }
}
