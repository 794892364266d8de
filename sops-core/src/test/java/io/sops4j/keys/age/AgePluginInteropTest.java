package io.sops4j.keys.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sops4j.keys.KeyEnvironment;
import io.sops4j.testing.AgeTestPlugin;
import io.sops4j.testing.AgeTestPlugin.Mode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin the tests build, run by the real {@code age} program and by sops4j alike: what one
 * encrypts through the plugin the other decrypts. Skipped without {@code age}, except under {@code CI=true}.
 */
class AgePluginInteropTest {

    private static final AgeTestPlugin.Key KEY = AgeTestPlugin.newKey("sops4jtest");

    @TempDir
    Path dir;

    private Path bin;
    private String path;

    @BeforeEach
    void setUp() {
        requireAge();
        bin = dir.resolve("bin");
        try {
            Files.createDirectories(bin);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        AgeTestPlugin.install(bin, "sops4jtest", Mode.PLAIN);
        AgeTestPlugin.install(bin, "sops4jmsg", Mode.MSG);
        path = bin + File.pathSeparator + System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    }

    private static void requireAge() {
        boolean available;
        try {
            Process p = new ProcessBuilder("age", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            available = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            available = false;
        }
        if (!available && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("the age binary is not installed; CI=true, so the age plugin interop tests may not be skipped");
        }
        assumeTrue(available, "the age binary is not installed (apt-get install age)");
    }

    private record Run(int exit, byte[] out, String err) {
    }

    private Run age(byte[] stdin, String... args) throws Exception {
        Path in = Files.write(dir.resolve("stdin-" + System.nanoTime()), stdin);
        List<String> command = new java.util.ArrayList<>(List.of("age"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(in.toFile());
        builder.environment().put("PATH", path);
        Process p = builder.start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, new String(err.join(), StandardCharsets.UTF_8));
    }

    private KeyEnvironment env(String... pairs) {
        Map<String, String> variables = new java.util.HashMap<>(Map.of("PATH", path));
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put(pairs[i], pairs[i + 1]);
        }
        return KeyEnvironment.of(variables, dir.resolve("home"));
    }

    @Test
    void whatAgeEncryptsThroughThePluginDecryptsWithOurPluginIdentity() throws Exception {
        byte[] dataKey = AgeCrypto.random(32);
        Run encrypted = age(dataKey, "-a", "-r", KEY.recipient());
        assertThat(encrypted.exit()).as(encrypted.err()).isZero();
        String armored = new String(encrypted.out(), StandardCharsets.US_ASCII);

        AgeMasterKey stored = AgeMasterKey.stored(KEY.recipient(), armored);

        assertThat(stored.decrypt(env("SOPS_AGE_KEY", KEY.identity()))).isEqualTo(dataKey);
    }

    @Test
    void whatWeEncryptThroughThePluginDecryptsWithAgeAndThePluginIdentity() throws Exception {
        byte[] dataKey = AgeCrypto.random(32);
        AgeMasterKey key = AgeMasterKey.forRecipient(KEY.recipient()).encrypt(dataKey, env());
        Path identityFile = Files.writeString(dir.resolve("identity.txt"), "# test plugin\n" + KEY.identity() + "\n");

        Run decrypted = age(key.encryptedKey().getBytes(StandardCharsets.US_ASCII), "-d", "-i", identityFile.toString());

        assertThat(decrypted.exit()).as(decrypted.err()).isZero();
        assertThat(decrypted.out()).isEqualTo(dataKey);
    }

    @Test
    void bothShowThePluginsMessageAndGoOn() throws Exception {
        String recipient = Bech32.encode("age1sops4jmsg", Bech32.decode(KEY.recipient()).data());
        byte[] dataKey = AgeCrypto.random(32);
        Run encrypted = age(dataKey, "-a", "-r", recipient);
        assertThat(encrypted.exit()).as(encrypted.err()).isZero();
        assertThat(encrypted.err()).contains("sops4jmsg plugin: touch the test token");
        String identity = Bech32.encode("AGE-PLUGIN-SOPS4JMSG-", Bech32.decode(KEY.identity()).data());

        assertThat(AgeMasterKey.stored(recipient, new String(encrypted.out(), StandardCharsets.US_ASCII))
                .decrypt(env("SOPS_AGE_KEY", identity))).isEqualTo(dataKey);
    }
}
