package io.sops4j.keys.age;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sops4j.EncryptionOptions;
import io.sops4j.Sops;
import io.sops4j.format.Format;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.MasterKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hybrid post-quantum age both ways with the npm package {@code age-encryption} 0.3.1 (typage):
 * its identities and sops4j's map to the same recipients, it opens the age stanza sops4j wrote
 * for a file's data key, and sops4j opens the one it wrote.
 */
class TypageInteropTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PLAINTEXT = "{\"db\":{\"password\":\"hunter2\"},\"port\":5432}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path home;

    private Sops sops(String identity) {
        return Sops.builder().environment(KeyEnvironment.of(Map.of("SOPS_AGE_KEY", identity), home)).build();
    }

    @Test
    void typageOpensTheAgeStanzaSops4jWroteForTheDataKey() throws Exception {
        JsonNode generated = Typage.call(Map.of("op", "generate"));
        String identity = generated.get("identity").asText();
        String recipient = generated.get("recipient").asText();
        assertThat(identity).startsWith("AGE-SECRET-KEY-PQ-1");
        assertThat(AgeKeys.recipientOf(identity)).isEqualTo(recipient);

        byte[] encrypted = sops(identity).encrypt(PLAINTEXT, Format.JSON, EncryptionOptions.withKeys(AgeKeys.recipient(recipient)));
        MasterKey stored = sops(identity).metadata(encrypted, Format.JSON).keyGroups().get(0).keys().get(0);
        assertThat(stored.id()).isEqualTo(recipient);

        JsonNode opened = Typage.call(Map.of("op", "decrypt", "identity", identity, "armored", stored.encryptedKey()));

        byte[] dataKey = HexFormat.of().parseHex(opened.get("plaintext").asText());
        assertThat(dataKey).hasSize(32).isEqualTo(stored.decrypt(KeyEnvironment.of(Map.of("SOPS_AGE_KEY", identity), home)));
        assertThat(sops(identity).decrypt(encrypted, Format.JSON).extract("[\"db\"][\"password\"]")).isEqualTo("hunter2");
    }

    @Test
    void sops4jOpensTheAgeStanzaTypageWroteToASops4jRecipient() throws Exception {
        AgeKeys.KeyPair pair = AgeKeys.generateHybrid();
        assertThat(Typage.call(Map.of("op", "recipient", "identity", pair.identity())).get("recipient").asText())
                .isEqualTo(pair.recipient());
        byte[] encrypted = sops(pair.identity()).encrypt(PLAINTEXT, Format.JSON,
                EncryptionOptions.withKeys(AgeKeys.recipient(pair.recipient())));
        byte[] dataKey = sops(pair.identity()).metadata(encrypted, Format.JSON).keyGroups().get(0).keys().get(0)
                .decrypt(KeyEnvironment.of(Map.of("SOPS_AGE_KEY", pair.identity()), home));

        String armored = Typage.call(Map.of("op", "encrypt", "recipient", pair.recipient(),
                "plaintext", HexFormat.of().formatHex(dataKey))).get("armored").asText();

        assertThat(AgeMasterKey.stored(pair.recipient(), armored).decrypt(KeyEnvironment.of(Map.of("SOPS_AGE_KEY", pair.identity()), home)))
                .isEqualTo(dataKey);
        ObjectNode file = (ObjectNode) JSON.readTree(encrypted);
        String sops4jEnc = file.get("sops").get("age").get(0).get("enc").asText();
        ((ObjectNode) file.get("sops").get("age").get(0)).put("enc", armored);
        assertThat(armored).isNotEqualTo(sops4jEnc);
        byte[] rewrapped = JSON.writeValueAsBytes(file);
        assertThat(sops(pair.identity()).decrypt(rewrapped, Format.JSON).extract("[\"db\"][\"password\"]")).isEqualTo("hunter2");
    }
}
