package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.SopsException;
import io.sops4j.keys.KeySources;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyFactoryTest {

    @Test
    void aMissingCloudSourceNamesTheArtifactThatProvidesIt() {
        KeyFactory factory = new KeyFactory(KeySources.of(), null, null);
        for (String type : List.of("kms", "gcp_kms", "hckms", "azure_kv", "hc_vault")) {
            assertThatThrownBy(() -> factory.keys(type, "id"))
                    .isInstanceOf(SopsException.class)
                    .hasMessageContaining("'" + type + "'")
                    .hasMessageContaining("io.sops4j:sops-kms");
        }
        assertThat(factory.keys("kms", " , ")).isEmpty();
    }

    @Test
    void encryptionContextIsParsedAsUpstreamDoes() {
        assertThat(KeyFactory.parseContext("a:b,c:d")).containsExactly(java.util.Map.entry("a", "b"), java.util.Map.entry("c", "d"));
        assertThat(KeyFactory.parseContext("")).isEmpty();
        assertThatThrownBy(() -> KeyFactory.parseContext("a:b:c"))
                .isInstanceOfSatisfying(SopsException.class, e -> assertThat(e.exitCode().code()).isEqualTo(6));
    }

    @Test
    void editorCommandsAreSplitLikeAShell() {
        assertThat(Editor.split("code --wait")).containsExactly("code", "--wait");
        assertThat(Editor.split("'/opt/my editor/bin' -n \"a b\" c\\ d")).containsExactly("/opt/my editor/bin", "-n", "a b", "c d");
    }

    @Test
    void legacyArgumentsBecomeSubcommands() {
        java.util.Set<String> subcommands = java.util.Set.of("decrypt", "encrypt", "edit", "rotate", "set");
        assertThat(LegacyArguments.rewrite(new String[] {"--indent", "2", "-d", "f.json"}, subcommands))
                .containsExactly("--indent", "2", "decrypt", "f.json");
        assertThat(LegacyArguments.rewrite(new String[] {"f.json"}, subcommands)).containsExactly("edit", "f.json");
        assertThat(LegacyArguments.rewrite(new String[] {"--set", "[\"a\"][\"x\"] {\"b\": 1}", "f.json"}, subcommands))
                .containsExactly("set", "f.json", "[\"a\"][\"x\"]", "{\"b\": 1}");
        assertThat(LegacyArguments.rewrite(new String[] {"decrypt", "-d"}, subcommands)).containsExactly("decrypt", "-d");
    }
}
