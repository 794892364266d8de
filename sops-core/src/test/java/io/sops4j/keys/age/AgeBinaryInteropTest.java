package io.sops4j.keys.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sops4j.internal.crypto.Randomness;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.MasterKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interoperability with the real {@code age} and {@code ssh-keygen} binaries; skipped when absent. */
class AgeBinaryInteropTest {

    @TempDir
    Path dir;

    private static byte[] dataKey() {
        byte[] key = new byte[32];
        Randomness.secureRandom().nextBytes(key);
        return key;
    }

    private static boolean available(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void requireAge() {
        assumeTrue(available("age", "--version"), "the age binary is not installed (apt-get install age)");
    }

    private byte[] run(byte[] stdin, String... command) throws Exception {
        Path in = Files.write(dir.resolve("stdin-" + System.nanoTime()), stdin);
        Process p = new ProcessBuilder(command).redirectInput(in.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).as(String.join(" ", command)).isZero();
        return out;
    }

    private KeyEnvironment env(String name, String value) {
        return KeyEnvironment.of(Map.of(name, value), dir.resolve("home"));
    }

    @Test
    void ourDataKeysDecryptWithAgeForX25519() throws Exception {
        requireAge();
        AgeKeys.KeyPair pair = AgeKeys.generateX25519();
        Path keyFile = Files.writeString(dir.resolve("keys.txt"), "# test\n" + pair.identity() + "\n");
        for (int size : new int[] {32, 33, 0, 1, 47, 48, 100, 64 * 1024, 64 * 1024 + 1, 200_000}) {
            byte[] plaintext = new byte[size];
            Randomness.secureRandom().nextBytes(plaintext);
            MasterKey key = AgeMasterKey.forRecipient(pair.recipient()).encrypt(plaintext, env("X", "y"));
            byte[] decrypted = run(key.encryptedKey().getBytes(StandardCharsets.US_ASCII), "age", "-d", "-i", keyFile.toString());
            assertThat(decrypted).as("size %d", size).isEqualTo(plaintext);
        }
    }

    @Test
    void ageFilesDecryptWithOurX25519Identity() throws Exception {
        requireAge();
        AgeKeys.KeyPair pair = AgeKeys.generateX25519();
        for (int size : new int[] {32, 0, 48, 64 * 1024, 64 * 1024 + 17}) {
            byte[] plaintext = new byte[size];
            Randomness.secureRandom().nextBytes(plaintext);
            byte[] armored = run(plaintext, "age", "-a", "-r", pair.recipient());
            String enc = new String(armored, StandardCharsets.US_ASCII);
            assertThat(Armor.encode(Armor.decode(armored))).as("our armor writes what age writes").isEqualTo(enc);
            assertThat(AgeMasterKey.stored(pair.recipient(), enc).decrypt(env("SOPS_AGE_KEY", pair.identity())))
                    .isEqualTo(plaintext);
            byte[] binary = run(plaintext, "age", "-r", pair.recipient());
            assertThat(AgeFile.decrypt(binary, IdentityText.parse(pair.identity(), "test"))).isEqualTo(plaintext);
        }
    }

    private Path sshKey(String type) throws Exception {
        assumeTrue(available("ssh-keygen", "-V") || Files.isExecutable(Path.of("/usr/bin/ssh-keygen")),
                "ssh-keygen is not installed; skipping the SSH interoperability case");
        Path key = dir.resolve("id_" + type);
        List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "test", "-f", key.toString()));
        if (type.equals("rsa")) {
            command.addAll(List.of("-b", "2048"));
        }
        run(new byte[0], command.toArray(String[]::new));
        return key;
    }

    private void sshRoundTrips(String type) throws Exception {
        requireAge();
        Path key = sshKey(type);
        String recipient = Files.readString(Path.of(key + ".pub")).strip();
        byte[] dataKey = dataKey();

        MasterKey ours = AgeMasterKey.forRecipient(recipient).encrypt(dataKey, env("X", "y"));
        assertThat(ours.id()).isEqualTo(recipient);
        byte[] byAge = run(ours.encryptedKey().getBytes(StandardCharsets.US_ASCII), "age", "-d", "-i", key.toString());
        assertThat(byAge).isEqualTo(dataKey);

        byte[] armored = run(dataKey, "age", "-a", "-R", key + ".pub");
        byte[] byUs = AgeMasterKey.stored(recipient, new String(armored, StandardCharsets.US_ASCII))
                .decrypt(env("SOPS_AGE_SSH_PRIVATE_KEY_FILE", key.toString()));
        assertThat(byUs).isEqualTo(dataKey);
    }

    @Test
    void sshEd25519InteroperatesWithAge() throws Exception {
        sshRoundTrips("ed25519");
    }

    @Test
    void sshRsaInteroperatesWithAge() throws Exception {
        sshRoundTrips("rsa");
    }

    @Test
    void passphraseProtectedSshKeyFailsClearlyWhenNeeded() throws Exception {
        requireAge();
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-keygen")) || available("ssh-keygen", "-V"), "ssh-keygen is not installed");
        Path key = dir.resolve("id_protected");
        run(new byte[0], "ssh-keygen", "-q", "-t", "ed25519", "-N", "secret-pass", "-C", "test", "-f", key.toString());
        String recipient = Files.readString(Path.of(key + ".pub")).strip();
        MasterKey ours = AgeMasterKey.forRecipient(recipient).encrypt(dataKey(), env("X", "y"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ours.decrypt(env("SOPS_AGE_SSH_PRIVATE_KEY_FILE", key.toString())))
                .isInstanceOf(io.sops4j.error.DataKeyException.class)
                .hasMessageContaining("passphrase-protected")
                .hasMessageContaining(recipient);
    }
}
