package io.sops4j.kms;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.config.CreationRule;
import io.sops4j.config.SopsConfig;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import io.sops4j.tree.TreeBranch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cloud key fields of {@code .sops.yaml}, in both the flat and the key-group forms. */
class SopsConfigKmsTest {

    @TempDir
    Path dir;

    @Test
    void flatFieldsBuildOneGroupInUpstreamOrder() throws IOException {
        Path config = Files.writeString(dir.resolve(".sops.yaml"), """
                creation_rules:
                  - kms: arn:aws:kms:eu-west-1:111122223333:key/abc+arn:aws:iam::111122223333:role/ops
                    aws_profile: prod
                    gcp_kms: projects/p/locations/global/keyRings/r/cryptoKeys/k
                    azure_keyvault: https://v.vault.azure.net/keys/k/1
                    hc_vault_transit_uri: https://vault.example:8200/v1/transit/keys/k
                """);
        CreationRule rule = SopsConfig.load(config).ruleFor(dir.resolve("a.yaml"), KeySources.installed());

        assertThat(rule.keyGroups().get(0).keys()).extracting(MasterKey::type)
                .containsExactly("kms", "gcp_kms", "azure_kv", "hc_vault");
        TreeBranch kms = rule.keyGroups().get(0).keys().get(0).toMetadata();
        assertThat(kms.get("arn")).contains("arn:aws:kms:eu-west-1:111122223333:key/abc");
        assertThat(kms.get("role")).contains("arn:aws:iam::111122223333:role/ops");
        assertThat(kms.get("aws_profile")).contains("prod");
    }

    @Test
    void keyGroupObjects() throws IOException {
        Path config = Files.writeString(dir.resolve(".sops.yaml"), """
                creation_rules:
                  - key_groups:
                      - kms:
                          - arn: arn:aws:kms:us-east-1:111122223333:alias/sops
                            context: {app: web, env: prod}
                        gcp_kms:
                          - resource_id: projects/p/locations/global/keyRings/r/cryptoKeys/k
                        azure_keyvault:
                          - vaultUrl: https://v.vault.azure.net
                            key: k
                            version: "1"
                """);
        CreationRule rule = SopsConfig.load(config).ruleFor(dir.resolve("a.yaml"), KeySources.installed());

        assertThat(rule.keyGroups().get(0).keys()).extracting(MasterKey::type).containsExactly("kms", "gcp_kms", "azure_kv");
        TreeBranch kms = rule.keyGroups().get(0).keys().get(0).toMetadata();
        assertThat(kms.get("context").map(Object::toString).orElse("")).contains("app", "web", "env", "prod");
        assertThat(rule.keyGroups().get(0).keys().get(2).toMetadata().get("name")).contains("k");
    }
}
