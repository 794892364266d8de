package io.sops4j.keys.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.FormatException;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.MasterKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HybridRecipientTest {

    @TempDir
    Path home;

    @Test
    void theRecipientOfASeedIsTheXWingEncapsulationKeyOfTheDraftVector() throws IOException {
        String seed = null;
        StringBuilder pk = new StringBuilder();
        try (InputStream in = getClass().getResourceAsStream("/age/xwing-keygen-vector.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.startsWith("seed ")) {
                    seed = line.substring(5).strip();
                } else if (!line.startsWith("#") && !line.equals("pk")) {
                    pk.append(line.strip());
                }
            }
        }
        byte[] expected = HexFormat.of().parseHex(pk);
        assertThat(expected).hasSize(HybridRecipient.PUBLIC_KEY_SIZE);
        String identity = Bech32.encode("AGE-SECRET-KEY-PQ-", HexFormat.of().parseHex(seed));

        String recipient = AgeKeys.recipientOf(identity);

        assertThat(recipient).startsWith("age1pq1");
        assertThat(HybridRecipient.parse(recipient).publicKey()).isEqualTo(expected);
        assertThat(HybridIdentity.parse(identity, "test").encoded()).isEqualTo(identity);
    }

    @Test
    void generatedKeyPairsRoundTripAndHideTheIdentity() {
        AgeKeys.KeyPair pair = AgeKeys.generateHybrid();
        assertThat(pair.identity()).startsWith("AGE-SECRET-KEY-PQ-1").hasSize(77);
        assertThat(pair.recipient()).startsWith("age1pq1");
        assertThat(AgeKeys.recipientOf(pair.identity())).isEqualTo(pair.recipient());
        assertThat(pair.toString()).doesNotContain(pair.identity()).contains(pair.recipient());
        assertThat(AgeKeys.generateHybrid().identity()).isNotEqualTo(pair.identity());
    }

    @Test
    void wrapsTheFileKeyInOneMlkem768x25519Stanza() {
        HybridIdentity identity = HybridIdentity.generate();
        byte[] fileKey = AgeCrypto.random(AgeCrypto.FILE_KEY_SIZE);

        List<Stanza> stanzas = identity.recipient().wrap(fileKey);

        assertThat(stanzas).hasSize(1);
        Stanza stanza = stanzas.get(0);
        assertThat(stanza.type()).isEqualTo("mlkem768x25519");
        assertThat(stanza.args()).hasSize(1);
        assertThat(AgeCrypto.decodeRawBase64(stanza.args().get(0))).hasSize(1120);
        assertThat(stanza.body()).hasSize(32);
        assertThat(identity.unwrap(stanzas)).isEqualTo(fileKey);
        assertThat(HybridIdentity.generate().unwrap(stanzas)).isNull();
    }

    @Test
    void aMasterKeyForAHybridRecipientDecryptsOnlyWithItsIdentity() {
        AgeKeys.KeyPair pair = AgeKeys.generateHybrid();
        byte[] dataKey = AgeCrypto.random(32);

        MasterKey key = AgeKeys.recipient(pair.recipient()).encrypt(dataKey, KeyEnvironment.of(Map.of(), home));

        assertThat(key.id()).isEqualTo(pair.recipient());
        assertThat(key.encryptedKey()).startsWith("-----BEGIN AGE ENCRYPTED FILE-----\n");
        assertThat(key.decrypt(KeyEnvironment.of(Map.of("SOPS_AGE_KEY", pair.identity()), home))).isEqualTo(dataKey);
        String other = AgeKeys.generateHybrid().identity() + "\n" + AgeKeys.generateX25519().identity();
        assertThatThrownBy(() -> key.decrypt(KeyEnvironment.of(Map.of("SOPS_AGE_KEY", other), home)))
                .hasMessageContaining("no identity matched").hasMessageNotContaining(other);
    }

    @Test
    void malformedHybridRecipientsAreRefusedWithTheReason() {
        byte[] key = HybridIdentity.generate().recipient().publicKey();
        assertThatThrownBy(() -> AgeKeys.recipient(Bech32.encode("age1pq", java.util.Arrays.copyOf(key, 1215))))
                .isInstanceOf(FormatException.class).hasMessageContaining("wrong key length");
        byte[] outOfRange = key.clone();
        outOfRange[0] = (byte) 0xff;
        outOfRange[1] = (byte) 0x0f;
        assertThatThrownBy(() -> AgeKeys.recipient(Bech32.encode("age1pq", outOfRange)))
                .isInstanceOf(FormatException.class).hasMessageContaining("ML-KEM-768 key is not valid");
        byte[] lowOrder = key.clone();
        java.util.Arrays.fill(lowOrder, 1184, 1216, (byte) 0);
        assertThatThrownBy(() -> AgeKeys.recipient(Bech32.encode("age1pq", lowOrder)))
                .isInstanceOf(FormatException.class).hasMessageContaining("low-order");
        String valid = Bech32.encode("age1pq", key);
        assertThatThrownBy(() -> AgeKeys.recipient(valid.substring(0, valid.length() - 1) + (valid.endsWith("q") ? "p" : "q")))
                .isInstanceOf(FormatException.class).hasMessageContaining("checksum");
        assertThatThrownBy(() -> AgeKeys.parseRecipients("age1pq1abc")).isInstanceOf(FormatException.class)
                .hasMessageContaining("malformed age hybrid recipient");
        assertThatThrownBy(() -> AgeKeys.recipientOf("AGE-SECRET-KEY-PQ-1QQQQ")).isInstanceOf(FormatException.class)
                .hasMessageContaining("malformed age hybrid secret key");
    }
}
