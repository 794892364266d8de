package io.sops4j.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import io.sops4j.format.StoreOptions;
import io.sops4j.internal.format.Stores;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import io.sops4j.tree.TreeBranch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SopsConfigTest {

    private static final String RECIPIENT_A = "age1lzd99uklcjnc0e7d860axevet2cz99ce9pq6tzuzd05l5nr28ams36nvun";
    private static final String RECIPIENT_B = "age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw";

    @TempDir
    Path dir;

    @Test
    void firstMatchingRuleWinsAndPathsAreRelativeToTheConfig() throws IOException {
        Path config = write("""
                creation_rules:
                  - path_regex: ^prod/.*\\.yaml$
                    age: %s, %s
                    encrypted_regex: ^(data|stringData)$
                  - path_regex: \\.json$
                    pgp: FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4
                    mac_only_encrypted: true
                  - age: %s
                """.formatted(RECIPIENT_A, RECIPIENT_B, RECIPIENT_B));
        SopsConfig sopsConfig = SopsConfig.load(config);
        KeySources sources = KeySources.installed();

        CreationRule prod = sopsConfig.ruleFor(dir.resolve("prod/app.yaml"), sources);
        assertThat(prod.keyGroups()).hasSize(1);
        assertThat(prod.keyGroups().get(0).keys()).extracting(MasterKey::id).containsExactly(RECIPIENT_A, RECIPIENT_B);
        assertThat(prod.rules().encryptedRegex()).isEqualTo("^(data|stringData)$");

        CreationRule json = sopsConfig.ruleFor(dir.resolve("x/y.json"), sources);
        assertThat(json.keyGroups().get(0).keys()).extracting(MasterKey::type).containsExactly("pgp");
        assertThat(json.macOnlyEncrypted()).isTrue();

        CreationRule fallback = sopsConfig.ruleFor(dir.resolve("other/prod/app.yaml"), sources);
        assertThat(fallback.keyGroups().get(0).keys()).extracting(MasterKey::id).containsExactly(RECIPIENT_B);
    }

    @Test
    void keyGroupsWithMergeAndThreshold() throws IOException {
        Path config = write("""
                creation_rules:
                  - path_regex: ""
                    shamir_threshold: 2
                    key_groups:
                      - age: [%s]
                        pgp: [FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4]
                      - merge:
                          - age: [%s]
                        age: [%s]
                """.formatted(RECIPIENT_A, RECIPIENT_B, RECIPIENT_B));
        CreationRule rule = SopsConfig.load(config).ruleFor(dir.resolve("a.yaml"), KeySources.installed());

        assertThat(rule.shamirThreshold()).isEqualTo(2);
        assertThat(rule.keyGroups()).hasSize(2);
        assertThat(rule.keyGroups().get(0).keys()).extracting(MasterKey::type).containsExactly("age", "pgp");
        assertThat(rule.keyGroups().get(1).keys()).extracting(MasterKey::id).containsExactly(RECIPIENT_B);
    }

    @Test
    void pathRulesTellWhichFilesAreMeantToBeEncrypted() throws IOException {
        Path config = write("""
                creation_rules:
                  - path_regex: ^secrets/.*\\.yaml$
                    pgp: FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4
                  - pgp: FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4
                """);
        SopsConfig sopsConfig = SopsConfig.load(config);

        assertThat(sopsConfig.hasPathRuleFor(dir.resolve("secrets/db.yaml"))).isTrue();
        assertThat(sopsConfig.hasPathRuleFor(dir.resolve("other/secrets/db.yaml"))).isFalse();
        assertThat(sopsConfig.hasPathRuleFor(dir.resolve("secrets/db.json"))).isFalse();
    }

    @Test
    void noMatchingRuleIsAnError() throws IOException {
        Path config = write("""
                creation_rules:
                  - path_regex: \\.env$
                    age: %s
                """.formatted(RECIPIENT_A));
        assertThatThrownBy(() -> SopsConfig.load(config).ruleFor(dir.resolve("a.yaml"), KeySources.installed()))
                .isInstanceOf(SopsException.class)
                .hasMessageContaining("no matching creation rules found");
    }

    @Test
    void twoEncryptionRulesInOneCreationRuleAreAnError() throws IOException {
        Path config = write("""
                creation_rules:
                  - age: %s
                    encrypted_regex: a
                    unencrypted_suffix: b
                """.formatted(RECIPIENT_A));
        assertThatThrownBy(() -> SopsConfig.load(config).ruleFor(dir.resolve("a.yaml"), KeySources.installed()))
                .hasMessageContaining("cannot use more than one");
    }

    @Test
    void ruleWithAnInvalidRegexIsRefusedNamingTheConfig() throws IOException {
        for (String field : new String[] {"encrypted_regex", "unencrypted_regex", "encrypted_comment_regex",
                "unencrypted_comment_regex"}) {
            Path config = write("""
                    creation_rules:
                      - age: %s
                        %s: "(?=x)"
                    """.formatted(RECIPIENT_A, field));
            assertThatThrownBy(() -> SopsConfig.load(config).ruleFor(dir.resolve("a.yaml"), KeySources.installed()))
                    .isInstanceOf(SopsException.class)
                    .hasMessage("error loading config: invalid " + field
                            + ": error parsing regexp: invalid or unsupported Perl syntax: `(?=`")
                    .extracting(e -> ((SopsException) e).file()).isEqualTo(config);
        }
    }

    @Test
    void negativeYamlIndentationLoadsAndIsRefusedWhenWriting() throws IOException {
        Path config = write("""
                stores:
                  yaml: {indent: -2}
                """);
        StoreOptions options = SopsConfig.load(config).storeOptions();
        assertThat(options).isEqualTo(new StoreOptions(-2, -1, -1));
        assertThatThrownBy(() -> Stores.of(Format.YAML, options).emitPlain(List.of(new TreeBranch().add("a", "b"))))
                .isInstanceOf(SopsException.class)
                .hasMessage("YAML Negative indentation not accepted");
    }

    @Test
    void storeOptions() throws IOException {
        Path config = write("""
                stores:
                  yaml: {indent: 2}
                  json: {indent: 4}
                """);
        assertThat(SopsConfig.load(config).storeOptions()).isEqualTo(new StoreOptions(2, 4, -1));
        assertThat(SopsConfig.load(config).hasCreationRules()).isFalse();
    }

    @Test
    void locatedFromTheWorkingDirectoryUpwardsUnlessGiven() throws IOException {
        Path config = write("creation_rules: []\n");
        Path nested = Files.createDirectories(dir.resolve("a/b/c"));
        KeyEnvironment empty = KeyEnvironment.of(Map.of(), dir);

        assertThat(SopsConfig.locate(null, nested, empty)).contains(config);
        Path explicit = dir.resolve("elsewhere.yaml");
        assertThat(SopsConfig.locate(explicit, nested, empty)).contains(explicit);
        assertThat(SopsConfig.locate(null, nested, empty.with("SOPS_CONFIG", "/x/y.yaml"))).contains(Path.of("/x/y.yaml"));
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve(SopsConfig.FILE_NAME), text);
    }
}
