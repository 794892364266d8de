package io.sops4j.keys.age;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.age.IdentityDiscovery.Os;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityDiscoveryTest {

    @TempDir
    Path home;

    private final AgeKeys.KeyPair pair = AgeKeys.generateX25519();
    private String enc;

    @BeforeEach
    void encryptADataKey() {
        enc = AgeMasterKey.forRecipient(pair.recipient()).encrypt(new byte[32], KeyEnvironment.of(Map.of(), Path.of("/"))).encryptedKey();
    }

    private byte[] decrypt(Map<String, String> variables, Os os) {
        IdentityDiscovery.Found found = IdentityDiscovery.discover(KeyEnvironment.of(variables, home), pair.recipient(), os);
        return AgeMasterKey.stored(pair.recipient(), enc).decrypt(found);
    }

    private byte[] decrypt(Map<String, String> variables) {
        return decrypt(variables, Os.LINUX);
    }

    private Path write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void sopsAgeKeyWithCommentsBlankLinesAndSeveralKeysPerLine() {
        String other = AgeKeys.generateX25519().identity();
        assertThat(decrypt(Map.of("SOPS_AGE_KEY", "# my keys\n\n" + other + " " + pair.identity() + "\n"))).hasSize(32);
    }

    @Test
    void sopsAgeKeyFile() throws Exception {
        Path file = write(home.resolve("somewhere/keys.txt"), "# created: now\r\n# public key: x\r\n" + pair.identity() + "\r\n");
        assertThat(decrypt(Map.of("SOPS_AGE_KEY_FILE", file.toString()))).hasSize(32);
    }

    @Test
    void aKeyFileThatCannotBeReadIsReportedInTheSystemsWords() throws Exception {
        Path directory = Files.createDirectories(home.resolve("keys-dir"));
        IdentityDiscovery.Found found = IdentityDiscovery.discover(KeyEnvironment.of(
                Map.of("SOPS_AGE_KEY_FILE", directory.toString(), "SOPS_AGE_KEY", pair.identity()), home),
                pair.recipient(), Os.LINUX);
        assertThat(found.errors()).singleElement().asString()
                .isEqualTo("failed to open SOPS_AGE_KEY_FILE file " + directory + ": is a directory")
                .doesNotContain("Exception");
    }

    @Test
    void missingKeyFileIsReportedButOtherLocationsStillWork() {
        IdentityDiscovery.Found found = IdentityDiscovery.discover(KeyEnvironment.of(
                Map.of("SOPS_AGE_KEY_FILE", home.resolve("nope.txt").toString(), "SOPS_AGE_KEY", pair.identity()), home),
                pair.recipient(), Os.LINUX);
        assertThat(found.errors()).singleElement().asString().contains("SOPS_AGE_KEY_FILE").contains("nope.txt");
        assertThat(AgeMasterKey.stored(pair.recipient(), enc).decrypt(found)).hasSize(32);
    }

    @Test
    void sopsAgeKeyCmdIsSplitLikeAShellAndSeesTheRecipient() throws Exception {
        Path script = write(home.resolve("bin/print key.sh"),
                "#!/bin/sh\n[ \"$SOPS_AGE_RECIPIENT\" = \"" + pair.recipient() + "\" ] || exit 3\necho \"$1\"\n");
        script.toFile().setExecutable(true);
        Map<String, String> variables = new HashMap<>();
        variables.put("SOPS_AGE_KEY_CMD", "'" + script + "' \"" + pair.identity() + "\"");
        variables.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        assertThat(decrypt(variables)).hasSize(32);
    }

    @Test
    void failingCommandIsReported() {
        IdentityDiscovery.Found found = IdentityDiscovery.discover(KeyEnvironment.of(
                Map.of("SOPS_AGE_KEY_CMD", "/bin/false"), home), pair.recipient(), Os.LINUX);
        assertThat(found.identities()).isEmpty();
        assertThat(found.errors()).singleElement().asString().contains("SOPS_AGE_KEY_CMD").contains("exit status 1");
    }

    @Test
    void defaultKeyFileUnderDotConfig() throws Exception {
        write(home.resolve(".config/sops/age/keys.txt"), pair.identity() + "\n");
        assertThat(decrypt(Map.of())).hasSize(32);
    }

    @Test
    void defaultKeyFileUnderXdgConfigHome() throws Exception {
        Path xdg = home.resolve("xdg");
        write(xdg.resolve("sops/age/keys.txt"), pair.identity() + "\n");
        assertThat(decrypt(Map.of("XDG_CONFIG_HOME", xdg.toString()))).hasSize(32);
        assertThat(decrypt(Map.of("XDG_CONFIG_HOME", xdg.toString()), Os.MAC)).hasSize(32);
    }

    @Test
    void defaultKeyFileOnMacAndWindows() throws Exception {
        write(home.resolve("Library/Application Support/sops/age/keys.txt"), pair.identity() + "\n");
        assertThat(decrypt(Map.of(), Os.MAC)).hasSize(32);
        Path appData = home.resolve("AppData/Roaming");
        write(appData.resolve("sops/age/keys.txt"), pair.identity() + "\n");
        assertThat(decrypt(Map.of("AppData", appData.toString()), Os.WINDOWS)).hasSize(32);
    }

    @Test
    void configDirectoryRules() {
        assertThat(discovery(Map.of(), Os.LINUX)).isEqualTo(home.resolve(".config"));
        assertThat(discovery(Map.of("XDG_CONFIG_HOME", "/x"), Os.LINUX)).isEqualTo(Path.of("/x"));
        assertThat(discovery(Map.of("XDG_CONFIG_HOME", "/x"), Os.MAC)).isEqualTo(Path.of("/x"));
        assertThat(discovery(Map.of(), Os.MAC)).isEqualTo(home.resolve("Library/Application Support"));
    }

    private Path discovery(Map<String, String> variables, Os os) {
        IdentityDiscovery.Found found = IdentityDiscovery.discover(KeyEnvironment.of(variables, home), pair.recipient(), os);
        return Path.of(found.unusedLocations().get(found.unusedLocations().size() - 1)).getParent().getParent().getParent();
    }

    @Test
    void unusedLocationsAreListedInUpstreamOrder() {
        IdentityDiscovery.Found found = IdentityDiscovery.discover(KeyEnvironment.of(Map.of(), home), pair.recipient(), Os.LINUX);
        assertThat(found.unusedLocations()).containsExactly(
                "SOPS_AGE_SSH_PRIVATE_KEY_FILE", "SOPS_AGE_SSH_PRIVATE_KEY_CMD",
                home.resolve(".ssh/id_ed25519").toString(), home.resolve(".ssh/id_rsa").toString(),
                "SOPS_AGE_KEY", "SOPS_AGE_KEY_FILE", "SOPS_AGE_KEY_CMD",
                home.resolve(".config/sops/age/keys.txt").toString());
    }

    @Test
    void pluginIdentitiesAreFoundAndNamedByTheirPluginOnly() {
        String identity = Bech32.encode("AGE-PLUGIN-YUBIKEY-", new byte[] {4, 3, 2, 1, (byte) 0x82});
        IdentityDiscovery.Found found = IdentityDiscovery.discover(KeyEnvironment.of(
                Map.of("SOPS_AGE_KEY", identity), home), pair.recipient(), Os.LINUX);
        assertThat(found.identities()).singleElement().extracting(Identity::describe).asString()
                .isEqualTo("age plugin identity (age-plugin-yubikey) from SOPS_AGE_KEY").doesNotContain(identity);
        IdentityDiscovery.Found broken = IdentityDiscovery.discover(KeyEnvironment.of(
                Map.of("SOPS_AGE_KEY", "AGE-PLUGIN-YUBIKEY-1QQQQQQ"), home), pair.recipient(), Os.LINUX);
        assertThat(broken.identities()).isEmpty();
        assertThat(broken.errors()).singleElement().asString().contains("malformed age plugin identity in SOPS_AGE_KEY");
    }

    @Test
    void passphraseProtectedIdentityFileIsRecognised() {
        String armored = Armor.encode("age-encryption.org/v1\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA 10\nAAAA\n--- x\n".getBytes());
        IdentityDiscovery.Found found = IdentityDiscovery.discover(KeyEnvironment.of(Map.of("SOPS_AGE_KEY", armored), home),
                pair.recipient(), Os.LINUX);
        assertThat(found.errors()).isEmpty();
        assertThat(found.identities()).singleElement().isInstanceOf(EncryptedIdentityFile.class)
                .extracting(Identity::describe).asString().contains("not usable");
    }

    @Test
    void sshKeysUnderHomeAreFound() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-keygen")), "ssh-keygen is not installed");
        Path key = home.resolve(".ssh/id_ed25519");
        Files.createDirectories(key.getParent());
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()).start();
        assertThat(p.waitFor()).isZero();
        String recipient = Files.readString(Path.of(key + ".pub")).strip();
        String sshEnc = AgeMasterKey.forRecipient(recipient).encrypt(new byte[] {1, 2, 3}, KeyEnvironment.of(Map.of(), home)).encryptedKey();
        assertThat(AgeMasterKey.stored(recipient, sshEnc).decrypt(KeyEnvironment.of(Map.of(), home))).containsExactly(1, 2, 3);

        Map<String, String> variables = new HashMap<>();
        variables.put("SOPS_AGE_SSH_PRIVATE_KEY_CMD", "cat " + key);
        variables.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        IdentityDiscovery.Found found = IdentityDiscovery.discover(KeyEnvironment.of(variables, home.resolve("elsewhere")),
                recipient, Os.LINUX);
        assertThat(found.identities()).hasSize(1);
        assertThat(AgeMasterKey.stored(recipient, sshEnc).decrypt(found)).containsExactly(1, 2, 3);
        assertThat(CommandLine.split("a 'b c' \"d\\\"e\" f\\ g")).isEqualTo(List.of("a", "b c", "d\"e", "f g"));
    }
}
