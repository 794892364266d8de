package io.sops4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.format.Format;
import io.sops4j.keys.KeySources;
import io.sops4j.metadata.KeyGroup;
import io.sops4j.metadata.Metadata;
import io.sops4j.testing.Conformance;
import io.sops4j.testing.CountingIvSource;
import io.sops4j.testing.RecordedKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Encrypting each {@code *.plain} of the 3.13.2 vectors with the vectors' data key, IV sequence,
 * date and recorded key entries reproduces upstream's encrypted file byte for byte.
 */
class VectorEncryptionTest {

    private static final byte[] DATA_KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vec_yaml.yaml", "vec_json.json", "vec_k8s.yaml", "vec_shamir.yaml", "vec_shamir.json",
            "vec_ini.ini", "vec_dotenv.env", "vec_k8s.env", "vec_shamir.ini", "vec_shamir.env", "vec_binary.bin"})
    void reproducesUpstreamOutput(String name) {
        Path encryptedFile = Conformance.vectors().resolve(name);
        byte[] expected = Conformance.read(encryptedFile);
        byte[] plaintext = Conformance.read(Conformance.vectors().resolve(name + ".plain"));
        Format format = Format.fromPath(name);
        Sops sops = Sops.builder()
                .keySources(KeySources.installed())
                .ivSources(() -> new CountingIvSource(1))
                .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
                .dataKeys(DATA_KEY::clone)
                .build();
        Metadata reference = sops.metadata(expected, format);
        List<KeyGroup> recorded = reference.keyGroups().stream()
                .map(group -> new KeyGroup(group.keys().stream().<io.sops4j.keys.MasterKey>map(RecordedKey::new).toList()))
                .toList();
        EncryptionOptions options = new EncryptionOptions(recorded, reference.shamirThreshold(), reference.rules(),
                reference.macOnlyEncrypted());

        byte[] actual = sops.encrypt(plaintext, format, options);

        assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(actual).isEqualTo(expected);
    }
}
