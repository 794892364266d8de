package io.sops4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.DataKeyException;
import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySource;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import io.sops4j.metadata.KeyGroup;
import io.sops4j.metadata.Metadata;
import io.sops4j.tree.TreeBranch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link Sops#rotate} draws a new data key; {@link Sops#updateKeys} re-wraps the existing one. */
class KeyChangeTest {

    private static final String PLAINTEXT = "{\n\t\"user\": \"admin\",\n\t\"password\": \"s3cr3t-value\",\n\t\"port\": 5432\n}";
    private static final KeySources SOURCES = KeySources.of(new VaultKeySource());

    private final Map<String, String> variables = new HashMap<>(Map.of("VAULT_a", "1", "VAULT_b", "1", "VAULT_c", "1"));

    private Sops sops() {
        return Sops.builder().environment(KeyEnvironment.of(variables, Path.of("/nonexistent"))).keySources(SOURCES).build();
    }

    private byte[] encrypted(String... ids) {
        List<MasterKey> keys = java.util.Arrays.stream(ids).map(id -> (MasterKey) new VaultKey(id, "")).toList();
        return sops().encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8), Format.JSON, EncryptionOptions.withKeys(keys));
    }

    @Test
    void rotateChangesTheDataKeyAndEveryCiphertextButKeepsIvsAndValues() {
        byte[] original = encrypted("a", "b");
        byte[] rotated = sops().rotate(original, Format.JSON);

        String before = new String(original, StandardCharsets.UTF_8);
        String after = new String(rotated, StandardCharsets.UTF_8);
        assertThat(wrapped(after, "a")).isNotEqualTo(wrapped(before, "a"));
        assertThat(encryptedValue(after, "password")).isNotEqualTo(encryptedValue(before, "password"));
        assertThat(field(encryptedValue(after, "password"), "iv")).isEqualTo(field(encryptedValue(before, "password"), "iv"));
        assertThat(new String(sops().decrypt(rotated, Format.JSON).toBytes(), StandardCharsets.UTF_8)).isEqualTo(PLAINTEXT + "\n");
        assertThat(sops().metadata(rotated, Format.JSON).version()).isEqualTo(Metadata.SOPS_VERSION);
    }

    @Test
    void rotateRefusesATamperedFile() {
        String tampered = new String(encrypted("a"), StandardCharsets.UTF_8).replace("\"port\": \"ENC[", "\"porT\": \"ENC[");
        assertThatThrownBy(() -> sops().rotate(tampered.getBytes(StandardCharsets.UTF_8), Format.JSON))
                .isInstanceOf(SopsException.class)
                .hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void updateKeysRewrapsTheSameDataKeyAndLeavesValuesAlone() {
        byte[] original = encrypted("a", "b");
        Optional<byte[]> updated = sops().updateKeys(original, Format.JSON, List.of(KeyGroup.of(new VaultKey("b", ""), new VaultKey("c", ""))), 0);

        assertThat(updated).isPresent();
        String before = new String(original, StandardCharsets.UTF_8);
        String after = new String(updated.get(), StandardCharsets.UTF_8);
        assertThat(after).doesNotContain("\"id\": \"a\"").contains("\"id\": \"c\"");
        assertThat(encryptedValue(after, "password")).isEqualTo(encryptedValue(before, "password"));
        assertThat(metadataField(after, "mac")).isEqualTo(metadataField(before, "mac"));
        assertThat(metadataField(after, "lastmodified")).isEqualTo(metadataField(before, "lastmodified"));

        variables.remove("VAULT_a");
        variables.remove("VAULT_b");
        assertThat(new String(sops().decrypt(updated.get(), Format.JSON).toBytes(), StandardCharsets.UTF_8)).isEqualTo(PLAINTEXT + "\n");
    }

    @Test
    void updateKeysReportsNothingToDoWhenTheKeysAlreadyMatch() {
        byte[] original = encrypted("a", "b");
        assertThat(sops().updateKeys(original, Format.JSON, List.of(KeyGroup.of(new VaultKey("b", ""), new VaultKey("a", ""))), 0))
                .isEmpty();
    }

    @Test
    void updateKeysSplitsTheDataKeyForSeveralGroups() {
        byte[] original = encrypted("a");
        byte[] updated = sops().updateKeys(original, Format.JSON,
                List.of(KeyGroup.of(new VaultKey("b", "")), KeyGroup.of(new VaultKey("c", ""))), 0).orElseThrow();

        Metadata metadata = sops().metadata(updated, Format.JSON);
        assertThat(metadata.keyGroups()).hasSize(2);
        assertThat(metadata.shamirThreshold()).isZero();
        variables.remove("VAULT_a");
        assertThat(sops().decrypt(updated, Format.JSON).extract("[\"password\"]")).isEqualTo("s3cr3t-value");
        variables.remove("VAULT_c");
        assertThatThrownBy(() -> sops().decrypt(updated, Format.JSON)).isInstanceOf(DataKeyException.class);
    }

    @Test
    void updateKeysNeedsAKeyForTheCurrentDataKey() {
        byte[] original = encrypted("a");
        variables.remove("VAULT_a");
        assertThatThrownBy(() -> sops().updateKeys(original, Format.JSON, List.of(KeyGroup.of(new VaultKey("b", ""))), 0))
                .isInstanceOf(DataKeyException.class);
    }

    private static String wrapped(String json, String id) {
        Matcher m = Pattern.compile("\"enc\": \"([^\"]*)\",\\s*\"id\": \"" + id + "\"").matcher(json);
        assertThat(m.find()).as("key %s in %s", id, json).isTrue();
        return m.group(1);
    }

    private static String encryptedValue(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": \"(ENC\\[[^\"]*)\"").matcher(json);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String metadataField(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": \"([^\"]*)\"").matcher(json);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String field(String encrypted, String name) {
        Matcher m = Pattern.compile(name + ":([^,\\]]*)").matcher(encrypted);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /**
     * A stand-in for a key service: "wrapping" stores the data key with a random pad, and unwrapping
     * works only while the environment grants access ({@code VAULT_<id>=1}).
     */
    record VaultKey(String id, String encryptedKey) implements MasterKey {

        @Override
        public String type() {
            return "vault_test";
        }

        @Override
        public MasterKey encrypt(byte[] plaintext, KeyEnvironment environment) {
            byte[] pad = new byte[plaintext.length];
            new java.security.SecureRandom().nextBytes(pad);
            byte[] sealed = new byte[plaintext.length * 2];
            for (int i = 0; i < plaintext.length; i++) {
                sealed[i] = pad[i];
                sealed[plaintext.length + i] = (byte) (plaintext[i] ^ pad[i]);
            }
            return new VaultKey(id, Base64.getEncoder().encodeToString(sealed));
        }

        @Override
        public byte[] decrypt(KeyEnvironment environment) {
            if (environment.get("VAULT_" + id).isEmpty()) {
                throw new DataKeyException("no access to " + id);
            }
            byte[] sealed = Base64.getDecoder().decode(encryptedKey);
            byte[] plaintext = new byte[sealed.length / 2];
            for (int i = 0; i < plaintext.length; i++) {
                plaintext[i] = (byte) (sealed[i] ^ sealed[plaintext.length + i]);
            }
            return plaintext;
        }

        @Override
        public TreeBranch toMetadata() {
            TreeBranch entry = new TreeBranch();
            entry.add("enc", encryptedKey);
            entry.add("id", id);
            return entry;
        }
    }

    static final class VaultKeySource implements KeySource {

        @Override
        public String type() {
            return "vault_test";
        }

        @Override
        public MasterKey fromMetadata(TreeBranch entry) {
            return new VaultKey((String) entry.get("id").orElseThrow(), (String) entry.get("enc").orElseThrow());
        }

        @Override
        public MasterKey fromIdentifier(String identifier) {
            return new VaultKey(identifier, "");
        }
    }
}
