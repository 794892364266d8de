package io.sops4j.keys.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.EncryptionOptions;
import io.sops4j.Sops;
import io.sops4j.error.DataKeyException;
import io.sops4j.error.FormatException;
import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.testing.AgeTestPlugin;
import io.sops4j.testing.AgeTestPlugin.Mode;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** age plugin recipients and identities, run through a real plugin program that the tests build. */
class AgePluginTest {

    private static final AgeTestPlugin.Key KEY = AgeTestPlugin.newKey("sops4jtest");

    @TempDir
    Path dir;

    private Path bin;
    private final ByteArrayOutputStream terminalOutput = new ByteArrayOutputStream();

    @BeforeEach
    void installPlugins() throws Exception {
        bin = Files.createDirectories(dir.resolve("bin"));
        AgeTestPlugin.install(bin, "sops4jtest", Mode.PLAIN);
        AgeTestPlugin.install(bin, "sops4jmsg", Mode.MSG);
        AgeTestPlugin.install(bin, "sops4jsecret", Mode.SECRET);
        AgeTestPlugin.install(bin, "sops4jconfirm", Mode.CONFIRM);
        AgeTestPlugin.install(bin, "sops4jexit", Mode.EXIT);
        AgeTestPlugin.install(bin, "sops4jgarbage", Mode.GARBAGE);
        AgeTestPlugin.install(bin, "sops4jhang", Mode.HANG);
    }

    private KeyEnvironment env(String... pairs) {
        Map<String, String> variables = new HashMap<>();
        variables.put("PATH", bin + File.pathSeparator + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put(pairs[i], pairs[i + 1]);
        }
        return KeyEnvironment.of(variables, dir.resolve("home"));
    }

    /** The terminal UI as it is where there is no terminal, writing messages where the test reads them. */
    private PluginHost noTerminal(KeyEnvironment environment) {
        return new PluginHost(environment, new TerminalPluginUi(dir.resolve("no-tty"), false,
                new PrintStream(terminalOutput, true, StandardCharsets.UTF_8)), Duration.ofSeconds(60));
    }

    /** A user at a terminal who types {@code answer} to every request. */
    private static final class Typist implements PluginUi {
        final List<String> prompts = new ArrayList<>();
        final List<String> waits = new ArrayList<>();
        final String answer;
        final boolean yes;

        Typist(String answer) {
            this(answer, true);
        }

        Typist(String answer, boolean yes) {
            this.answer = answer;
            this.yes = yes;
        }

        @Override
        public void message(String plugin, String message) {
            prompts.add(plugin + ": " + message);
        }

        @Override
        public String requestValue(String plugin, String prompt, boolean secret) {
            prompts.add(plugin + (secret ? " secret: " : " public: ") + prompt);
            return answer;
        }

        @Override
        public boolean confirm(String plugin, String prompt, String yes, String no) {
            prompts.add(plugin + " confirm: " + prompt + " [" + yes + "/" + no + "]");
            return this.yes;
        }

        @Override
        public void waiting(String plugin) {
            waits.add(plugin);
        }
    }

    private static String recipientOf(String name, AgeTestPlugin.Key key) {
        byte[] data = Bech32.decode(key.recipient()).data();
        return Bech32.encode("age1" + name, data);
    }

    private static String identityOf(String name, AgeTestPlugin.Key key) {
        byte[] data = Bech32.decode(key.identity()).data();
        return Bech32.encode("AGE-PLUGIN-" + name.toUpperCase() + "-", data);
    }

    private static byte[] dataKey() {
        return AgeCrypto.random(32);
    }

    private static List<String> stanzaTypes(String armored) {
        List<String> types = new ArrayList<>();
        for (Stanza stanza : Header.parse(Armor.decode(armored.getBytes(StandardCharsets.US_ASCII))).stanzas()) {
            types.add(stanza.type());
        }
        return types;
    }

    @Test
    void wrapsAndUnwrapsTheDataKeyThroughThePlugin() {
        byte[] dataKey = dataKey();
        AgeMasterKey key = AgeMasterKey.forRecipient(KEY.recipient()).encrypt(dataKey, noTerminal(env()));

        assertThat(key.recipient()).isEqualTo(KEY.recipient());
        assertThat(key.toMetadata().get("recipient")).hasValue(KEY.recipient());
        assertThat(stanzaTypes(key.encryptedKey())).containsExactly(AgeTestPlugin.STANZA_TYPE);
        assertThat(key.decrypt(env("SOPS_AGE_KEY", KEY.identity()))).isEqualTo(dataKey);
    }

    @Test
    void pluginIdentitiesComeFromEveryPlaceNativeOnesDo() throws Exception {
        byte[] dataKey = dataKey();
        AgeMasterKey key = AgeMasterKey.forRecipient(KEY.recipient()).encrypt(dataKey, noTerminal(env()));
        Path keyFile = Files.writeString(dir.resolve("keys.txt"), "# plugin\n" + AgeKeys.generateX25519().identity()
                + "\n" + KEY.identity() + "\n");
        Path userKeys = Files.createDirectories(dir.resolve("home/.config/sops/age")).resolve("keys.txt");
        Files.writeString(userKeys, KEY.identity() + "\n");

        assertThat(key.decrypt(env("SOPS_AGE_KEY_FILE", keyFile.toString()))).isEqualTo(dataKey);
        assertThat(key.decrypt(env("SOPS_AGE_KEY_CMD", "cat " + keyFile))).isEqualTo(dataKey);
        assertThat(key.decrypt(env())).as("keys.txt").isEqualTo(dataKey);
    }

    @Test
    void anotherPluginIdentityDoesNotMatch() {
        AgeMasterKey key = AgeMasterKey.forRecipient(KEY.recipient()).encrypt(dataKey(), noTerminal(env()));
        AgeTestPlugin.Key other = AgeTestPlugin.newKey("sops4jtest");

        assertThatThrownBy(() -> key.decrypt(env("SOPS_AGE_KEY", other.identity())))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining("no identity matched (tried age plugin identity (age-plugin-sops4jtest) from SOPS_AGE_KEY)")
                .hasMessageNotContaining(other.identity());
    }

    @Test
    void aFullSopsFileRoundTripsWithAPluginRecipient() {
        KeyEnvironment environment = env("SOPS_AGE_KEY", KEY.identity());
        Sops sops = Sops.builder().environment(environment).build();
        byte[] encrypted = sops.encrypt("{\"password\": \"s3cr3t\"}".getBytes(StandardCharsets.UTF_8), Format.JSON,
                EncryptionOptions.withKeys(AgeKeys.recipient(KEY.recipient())));
        String text = new String(encrypted, StandardCharsets.UTF_8);

        assertThat(text).contains("\"recipient\": \"" + KEY.recipient() + "\"").doesNotContain("s3cr3t");
        assertThat(sops.decrypt(encrypted, Format.JSON).extract("[\"password\"]")).isEqualTo("s3cr3t");
        assertThatThrownBy(() -> Sops.builder().environment(env("SOPS_AGE_KEY", AgeKeys.generateX25519().identity()))
                .build().decrypt(encrypted, Format.JSON)).isInstanceOf(DataKeyException.class);
    }

    @Test
    void aMessageOfThePluginIsShownAndTheWorkGoesOn() {
        byte[] dataKey = dataKey();
        AgeMasterKey key = AgeMasterKey.forRecipient(recipientOf("sops4jmsg", KEY)).encrypt(dataKey, noTerminal(env()));
        assertThat(terminalOutput.toString(StandardCharsets.UTF_8)).contains("age: sops4jmsg plugin: touch the test token\n");

        Typist typist = new Typist("unused");
        KeyEnvironment environment = env("SOPS_AGE_KEY", identityOf("sops4jmsg", KEY));
        assertThat(key.decrypt(environment, new PluginHost(environment, typist, Duration.ofSeconds(60)))).isEqualTo(dataKey);
        assertThat(typist.prompts).containsExactly("sops4jmsg: touch the test token");
    }

    @Test
    void aRequestedSecretIsAnsweredFromTheTerminal() {
        byte[] dataKey = dataKey();
        Typist typist = new Typist(AgeTestPlugin.PIN);
        AgeMasterKey key = AgeMasterKey.forRecipient(recipientOf("sops4jsecret", KEY))
                .encrypt(dataKey, new PluginHost(env(), typist, Duration.ofSeconds(60)));
        KeyEnvironment environment = env("SOPS_AGE_KEY", identityOf("sops4jsecret", KEY));

        assertThat(key.decrypt(environment, new PluginHost(environment, typist, Duration.ofSeconds(60)))).isEqualTo(dataKey);
        assertThat(typist.prompts).containsExactly("sops4jsecret secret: PIN of the test token:",
                "sops4jsecret secret: PIN of the test token:");
        Typist wrong = new Typist("0000");
        assertThatThrownBy(() -> key.decrypt(environment, new PluginHost(environment, wrong, Duration.ofSeconds(60))))
                .isInstanceOf(DataKeyException.class).hasMessageContaining("sops4jsecret plugin: wrong PIN")
                .hasMessageNotContaining("0000");
    }

    @Test
    void aPublicValueAndAConfirmationAreAskedFor() {
        byte[] dataKey = dataKey();
        Typist typist = new Typist("A1");
        AgeMasterKey key = AgeMasterKey.forRecipient(recipientOf("sops4jconfirm", KEY))
                .encrypt(dataKey, new PluginHost(env(), typist, Duration.ofSeconds(60)));

        assertThat(typist.prompts).containsExactly("sops4jconfirm public: serial of the test token:",
                "sops4jconfirm confirm: use the token A1? [use it/stop]");
        KeyEnvironment environment = env("SOPS_AGE_KEY", identityOf("sops4jconfirm", KEY));
        assertThat(key.decrypt(environment, new PluginHost(environment, typist, Duration.ofSeconds(60)))).isEqualTo(dataKey);
        assertThatThrownBy(() -> key.decrypt(environment, new PluginHost(environment, new Typist("A1", false), Duration.ofSeconds(60))))
                .isInstanceOf(DataKeyException.class).hasMessageContaining("sops4jconfirm plugin: declined");
        assertThatThrownBy(() -> key.decrypt(environment, noTerminal(environment)))
                .isInstanceOf(DataKeyException.class).hasMessageContaining("sops4jconfirm plugin: a confirmation is required "
                        + "(could not read value for age-plugin-sops4jconfirm: standard input is not a terminal");
    }

    @Test
    void aRequestedSecretWithoutATerminalIsAClearError() {
        String noTty = dir.resolve("no-tty").toString();
        assertThatThrownBy(() -> AgeMasterKey.forRecipient(recipientOf("sops4jsecret", KEY)).encrypt(dataKey(), noTerminal(env())))
                .isInstanceOf(DataKeyException.class)
                .hasMessage("failed to create writer for encrypting sops data key with age: failed to wrap key for recipient #0: "
                        + "sops4jsecret plugin: a PIN is required (could not read value for age-plugin-sops4jsecret: "
                        + "standard input is not a terminal, and " + noTty + " is not available: " + noTty
                        + " (No such file or directory))");

        AgeMasterKey key = AgeMasterKey.forRecipient(KEY.recipient()).encrypt(dataKey(), noTerminal(env()));
        KeyEnvironment environment = env("SOPS_AGE_KEY", identityOf("sops4jsecret", KEY));
        assertThatThrownBy(() -> key.decrypt(environment, noTerminal(environment)))
                .isInstanceOf(DataKeyException.class)
                .hasMessageContaining("for recipient " + KEY.recipient() + ": sops4jsecret plugin: a PIN is required "
                        + "(could not read value for age-plugin-sops4jsecret: standard input is not a terminal")
                .hasMessageNotContaining(identityOf("sops4jsecret", KEY));
    }

    @Test
    void aPluginThatFailsOrTalksNonsenseIsATypedErrorNamingItAndTheRecipient() {
        byte[] dataKey = dataKey();
        String hex = HexFormat.of().formatHex(dataKey);
        for (String[] plugin : new String[][] {
                {"sops4jexit", "sops4jexit plugin: the plugin failed with exit status 3"},
                {"sops4jgarbage", "sops4jgarbage plugin: invalid response from the plugin: malformed stanza opening line"},
                {"sops4jmissing", "sops4jmissing plugin: couldn't start plugin: exec: \"age-plugin-sops4jmissing\": "
                        + "executable file not found in $PATH"}}) {
            String recipient = recipientOf(plugin[0], KEY);
            assertThatThrownBy(() -> AgeMasterKey.forRecipient(recipient).encrypt(dataKey, noTerminal(env())))
                    .as(plugin[0]).isInstanceOf(DataKeyException.class).hasMessageEndingWith(plugin[1])
                    .hasMessageNotContaining(hex);

            AgeMasterKey key = AgeMasterKey.forRecipient(KEY.recipient()).encrypt(dataKey, noTerminal(env()));
            KeyEnvironment environment = env("SOPS_AGE_KEY", identityOf(plugin[0], KEY));
            assertThatThrownBy(() -> key.decrypt(environment, noTerminal(environment)))
                    .as(plugin[0]).isInstanceOf(DataKeyException.class)
                    .hasMessageContaining("for recipient " + KEY.recipient() + ": " + plugin[1])
                    .hasMessageNotContaining(hex);
        }
    }

    @Test
    void aPluginThatDoesNotAnswerIsStoppedAfterTheTimeout() {
        KeyEnvironment environment = env();
        long start = System.nanoTime();
        Typist typist = new Typist("x");
        assertThatThrownBy(() -> AgeMasterKey.forRecipient(recipientOf("sops4jhang", KEY))
                .encrypt(dataKey(), new PluginHost(environment, typist, Duration.ofSeconds(8))))
                .isInstanceOf(DataKeyException.class)
                .hasMessageEndingWith("sops4jhang plugin: no response from the plugin within 8 s; it was stopped");
        assertThat(typist.waits).containsExactly("sops4jhang");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aFailingPluginLeavesTheFileUnwritten() throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), "{\"a\": \"secret\"}");
        Sops sops = Sops.builder().environment(env()).build();

        assertThatThrownBy(() -> sops.encrypt(file, EncryptionOptions.withKeys(AgeKeys.recipient(recipientOf("sops4jexit", KEY)))))
                .isInstanceOf(SopsException.class).hasMessageContaining("sops4jexit plugin: the plugin failed with exit status 3");
        assertThat(Files.readString(file)).isEqualTo("{\"a\": \"secret\"}");
    }

    @Test
    void pluginRecipientsAndIdentitiesAreParsedWithoutRunningThePlugin() {
        assertThat(AgeKeys.parseRecipients(KEY.recipient() + "," + recipientOf("sops4jmissing", KEY)))
                .containsExactly(KEY.recipient(), recipientOf("sops4jmissing", KEY));
        String broken = KEY.recipient().substring(0, KEY.recipient().length() - 1) + (KEY.recipient().endsWith("q") ? "p" : "q");
        assertThatThrownBy(() -> AgeKeys.recipient(broken)).isInstanceOf(FormatException.class)
                .hasMessageContaining("malformed age plugin recipient: invalid checksum");
        assertThatThrownBy(() -> AgeKeys.recipient(Bech32.encode("age1bad/name", new byte[4])))
                .isInstanceOf(FormatException.class).hasMessageContaining("invalid plugin name");

        String brokenIdentity = KEY.identity().substring(0, KEY.identity().length() - 1)
                + (KEY.identity().endsWith("Q") ? "P" : "Q");
        IdentityDiscovery.Found found = IdentityDiscovery.discover(env("SOPS_AGE_KEY", brokenIdentity), KEY.recipient());
        assertThat(found.identities()).isEmpty();
        assertThat(found.errors()).containsExactly("failed to parse identities from SOPS_AGE_KEY: "
                + "malformed age plugin identity in SOPS_AGE_KEY: invalid checksum");
    }
}
