package io.sops4j.keys.age;

import static io.sops4j.fuzz.Invariant.returnsOrFails;
import static io.sops4j.fuzz.Invariant.returnsOrFailsTyped;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sops4j.fuzz.DemoKey;
import io.sops4j.keys.KeyEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import io.sops4j.fuzz.WarmUp;

/**
 * age as sops reads it: the armored data key of a file's metadata (armor, header, stanzas, MAC,
 * payload), the binary age format, and identity and recipient text.
 */
@Timeout(10)
class AgeFuzzTest {

    private static final KeyEnvironment ENVIRONMENT = KeyEnvironment.of(
            Map.of("SOPS_AGE_KEY", DemoKey.identity()), Path.of(System.getProperty("java.io.tmpdir")));
    private static final List<Identity> IDENTITIES = IdentityText.parse(DemoKey.identity(), "demo key");

    static {
        WarmUp.onSeeds(AgeFuzzTest.class, "storedDataKey", new AgeFuzzTest()::storedDataKey);
        WarmUp.onSeeds(AgeFuzzTest.class, "sshPrivateKey", new AgeFuzzTest()::sshPrivateKey);
    }

    /** The {@code enc} field of an age key entry, decrypted as {@code decrypt} does. */
    @FuzzTest
    void storedDataKey(byte[] input) {
        String enc = new String(input, StandardCharsets.ISO_8859_1);
        returnsOrFailsTyped(() -> AgeMasterKey.stored(DemoKey.RECIPIENT, enc).decrypt(ENVIRONMENT));
    }

    @FuzzTest
    void binaryFile(byte[] input) {
        returnsOrFails(AgeFailure.class, () -> AgeFile.decrypt(input, IDENTITIES));
    }

    @FuzzTest
    void armor(byte[] input) {
        returnsOrFails(AgeFailure.class, () -> Armor.decode(input));
    }

    @FuzzTest
    void identities(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        returnsOrFails(IllegalArgumentException.class, () -> IdentityText.parse(text, "fuzz"));
    }

    @FuzzTest
    void recipients(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        returnsOrFailsTyped(() -> AgeKeys.recipients(text));
    }

    @FuzzTest
    void sshPrivateKey(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        returnsOrFails(IllegalArgumentException.class, () -> SshKeys.parseIdentity(text, "fuzz"));
    }
}
