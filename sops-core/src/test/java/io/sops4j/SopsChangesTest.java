package io.sops4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.DataKeyException;
import io.sops4j.error.ExitCode;
import io.sops4j.error.KeyNotFoundException;
import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import io.sops4j.metadata.KeyGroup;
import io.sops4j.metadata.Metadata;
import io.sops4j.testing.FakeKeySource;
import io.sops4j.tree.TreeBranch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SopsChangesTest {

    private static final FakeKeySource SOURCE = new FakeKeySource();
    private static final String PLAIN = "{\"a\": \"secret\", \"n\": 1, \"list\": [\"x\", \"y\"], \"nested\": {\"b\": true}}";

    private final Sops sops = sops(Map.of());

    private static Sops sops(Map<String, String> variables) {
        return Sops.builder().keySources(KeySources.of(SOURCE))
                .environment(KeyEnvironment.of(variables, Path.of("/nonexistent")))
                .build();
    }

    private static MasterKey key(String name) {
        return SOURCE.fromIdentifier(name);
    }

    private byte[] encrypted(MasterKey... keys) {
        return sops.encrypt(PLAIN.getBytes(StandardCharsets.UTF_8), Format.JSON, EncryptionOptions.withKeys(keys));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\": (\"[^\"]*\"|[^,\\n]*)").matcher(json);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }

    @Test
    void setCreatesMissingKeysAndListElementsAndKeepsOtherCiphertexts() {
        byte[] before = encrypted(key("alice"));
        DecryptedFile file = sops.decrypt(before, Format.JSON);

        assertThat(file.setValue(TreePath.parse("[\"new\"][\"deep\"][0]"), "v")).isTrue();
        assertThat(file.setValue(TreePath.parse("[\"list\"][5]"), "z")).isTrue();
        assertThat(file.setValue(TreePath.parse("[\"nested\"][\"b\"]"), false)).isTrue();
        assertThat(file.setValue(TreePath.parse("[\"a\"]"), "secret")).isFalse();

        String after = text(sops.reencrypt(file, Format.JSON));
        assertThat(field(after, "a")).isEqualTo(field(text(before), "a"));
        assertThat(field(after, "n")).isEqualTo(field(text(before), "n"));
        Map<String, Object> map = sops.decrypt(after.getBytes(StandardCharsets.UTF_8), Format.JSON).toMap();
        assertThat(map).containsEntry("list", List.of("x", "y", "z"))
                .containsEntry("nested", Map.of("b", false))
                .containsEntry("new", Map.of("deep", List.of("v")));
        assertThat(List.copyOf(map.keySet())).containsExactly("a", "n", "list", "nested", "new");
    }

    @Test
    void setRejectsAnIndexIntoAMappingAndUnsetReportsWhatIsMissing() {
        DecryptedFile file = sops.decrypt(encrypted(key("alice")), Format.JSON);
        assertThatThrownBy(() -> file.setValue(TreePath.parse("[\"nested\"][0]"), "v"))
                .isInstanceOfSatisfying(SopsException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_SET_FORMAT));
        assertThatThrownBy(() -> file.unsetValue(TreePath.parse("[\"missing\"]")))
                .isInstanceOf(KeyNotFoundException.class).hasMessage("Key not found: missing");
        assertThatThrownBy(() -> file.unsetValue(TreePath.parse("[\"list\"][2]")))
                .isInstanceOf(KeyNotFoundException.class).hasMessage("Index 2 out of bounds");
        assertThatThrownBy(() -> file.unsetValue(TreePath.parse("[\"n\"][\"x\"]")))
                .isInstanceOf(KeyNotFoundException.class).hasMessage("Unsupported type int for key 'x'");
        assertThatThrownBy(() -> file.unsetValue(TreePath.parse("[\"list\"][\"x\"]")))
                .isInstanceOf(KeyNotFoundException.class).hasMessage("Unsupported type []interface {} for key 'x'");

        file.unsetValue(TreePath.parse("[\"list\"][0]"));
        file.unsetValue(TreePath.parse("[\"nested\"][\"b\"]"));
        file.unsetValue(TreePath.parse("[\"n\"]"));
        Map<String, Object> map = sops.decrypt(sops.reencrypt(file, Format.JSON), Format.JSON).toMap();
        assertThat(map).containsExactly(Map.entry("a", "secret"), Map.entry("list", List.of("y")),
                Map.entry("nested", Map.of()));
    }

    @Test
    void rotateChangesTheDataKeyAndCanAddAndRemoveKeys() {
        byte[] before = encrypted(key("alice"), key("bob"));
        DecryptedFile file = sops.decrypt(before, Format.JSON);
        byte[] rotated = sops.rotate(file, Format.JSON, List.of(KeyGroup.of(key("bob"), key("carol"))));

        String text = text(rotated);
        assertThat(field(text, "a")).isNotEqualTo(field(text(before), "a"));
        assertThat(text).doesNotContain("alice").contains("\"carol\"");
        assertThat(field(text, "version")).isEqualTo("\"" + Metadata.SOPS_VERSION + "\"");
        Sops carolOnly = sops(Map.of("FAKE_KEYS_LOST", "bob"));
        assertThat(carolOnly.decrypt(rotated, Format.JSON).toMap()).isEqualTo(sops.decrypt(before, Format.JSON).toMap());
    }

    @Test
    void updateKeysRewrapsTheSameDataKeyAndLeavesValuesMacAndDatesAlone() {
        byte[] before = encrypted(key("alice"));
        String original = text(before);
        byte[] updated = sops.updateKeys(before, Format.JSON,
                List.of(KeyGroup.of(key("bob")), KeyGroup.of(key("carol")), KeyGroup.of(key("dave"))), 2).orElseThrow();
        assertThat(sops.updateKeys(updated, Format.JSON,
                List.of(KeyGroup.of(key("dave")), KeyGroup.of(key("carol")), KeyGroup.of(key("bob"))), 0)).isPresent();
        assertThat(sops.updateKeys(updated, Format.JSON,
                List.of(KeyGroup.of(key("bob")), KeyGroup.of(key("carol")), KeyGroup.of(key("dave"))), 0)).isEmpty();

        String text = text(updated);
        for (String name : List.of("a", "n", "mac", "lastmodified", "version")) {
            assertThat(field(text, name)).as(name).isEqualTo(field(original, name));
        }
        assertThat(text).contains("\"key_groups\"").contains("\"shamir_threshold\": 2").doesNotContain("alice");
        Sops twoGroups = sops(Map.of("FAKE_KEYS_LOST", "bob"));
        assertThat(twoGroups.decrypt(updated, Format.JSON).toMap()).containsEntry("a", "secret");
        Sops oneGroup = sops(Map.of("FAKE_KEYS_LOST", "bob,carol"));
        assertThatThrownBy(() -> oneGroup.decrypt(updated, Format.JSON)).isInstanceOf(DataKeyException.class);
    }

    @Test
    void newFileIsWrappedBeforeItIsWrittenAndReencryptsLikeAnyOther() {
        TreeBranch document = new TreeBranch().add("hello", "world").add("secret_unencrypted", "plain");
        DecryptedFile file = sops.newFile(List.of(document), Format.JSON, EncryptionOptions.withKeys(key("alice")));
        String text = text(sops.reencrypt(file, Format.JSON));
        assertThat(text).contains("\"secret_unencrypted\": \"plain\"").contains("\"unencrypted_suffix\": \"_unencrypted\"")
                .doesNotContain("world");
        assertThat(sops.decrypt(text.getBytes(StandardCharsets.UTF_8), Format.JSON).toMap()).containsEntry("hello", "world");

        assertThatThrownBy(() -> sops.newFile(List.of(document), Format.JSON, EncryptionOptions.withKeys()))
                .isInstanceOfSatisfying(SopsException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.COULD_NOT_RETRIEVE_KEY));
    }

    @Test
    void jsonValueReadsTheValueOfSetAsUpstreamDoes() {
        assertThat(DecryptedFile.jsonValue("{\"port\": 5432, \"tls\": true}"))
                .isEqualTo(new TreeBranch().add("port", 5432L).add("tls", true));
        assertThat(DecryptedFile.jsonValue(" 5432 ")).isEqualTo(5432.0);
        assertThat(DecryptedFile.jsonValue("\"s3cr3t\"")).isEqualTo("s3cr3t");
        assertThat(DecryptedFile.jsonValue("null")).isNull();
        for (String bad : List.of("[\"s3cr3t\"]", "\"s3cr3t", "s3cr3t", "", "1 2")) {
            assertThatThrownBy(() -> DecryptedFile.jsonValue(bad)).as(bad)
                    .isInstanceOfSatisfying(SopsException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_SET_FORMAT))
                    .message().doesNotContain("s3cr3t");
        }
    }

    @Test
    void toEnvironmentWritesScalarsAsExecEnvDoesAndRefusesNestedValues() {
        String plain = "{\"s\": \"secret\", \"f\": 1.5, \"whole\": 2.0, \"i\": 7, \"b\": true}";
        DecryptedFile file = sops.decrypt(sops.encrypt(plain.getBytes(StandardCharsets.UTF_8), Format.JSON,
                EncryptionOptions.withKeys(key("alice"))), Format.JSON);
        assertThat(file.toEnvironment()).containsExactly(Map.entry("s", "secret"), Map.entry("f", "1.5"),
                Map.entry("whole", "2.0"), Map.entry("i", "7"), Map.entry("b", "true"));

        DecryptedFile nested = sops.decrypt(encrypted(key("alice")), Format.JSON);
        assertThatThrownBy(nested::toEnvironment).isInstanceOf(SopsException.class)
                .hasMessageContaining("key 'list'").message().doesNotContain("secret");
    }

    @Test
    void withMetadataKeepsTheDocumentsAndTheCiphertextsOfUnchangedValues() {
        byte[] before = encrypted(key("alice"));
        DecryptedFile file = sops.decrypt(before, Format.JSON);
        DecryptedFile older = file.withMetadata(file.metadata().withVersion("3.7.0"));

        String after = text(sops.reencrypt(older, Format.JSON));
        assertThat(field(after, "version")).isEqualTo("\"3.7.0\"");
        assertThat(field(after, "a")).isEqualTo(field(text(before), "a"));
        assertThat(older.documents()).isEqualTo(file.documents());
    }

    @Test
    void theBuilderTakesTheDecryptionOrderAsTheCommandLineGivesIt() {
        assertThat(Sops.builder().keySources(KeySources.of(SOURCE)).decryptionOrder("pgp, age").build()
                .decrypt(encrypted(key("alice")), Format.JSON).toMap()).containsEntry("a", "secret");
        assertThatThrownBy(() -> Sops.builder().decryptionOrder("age,pgp,age"))
                .isInstanceOfSatisfying(SopsException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.DUPLICATE_DECRYPTION_KEY_TYPE));
    }
}
