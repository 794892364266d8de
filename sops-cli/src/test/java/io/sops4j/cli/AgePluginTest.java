package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.testing.AgeTestPlugin;
import io.sops4j.testing.AgeTestPlugin.Mode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** age plugin recipients wherever the command line takes age recipients, run through a plugin the tests build. */
class AgePluginTest {

    private static final AgeTestPlugin.Key KEY = AgeTestPlugin.newKey("sops4jtest");
    private static final AgeTestPlugin.Key SECRET = AgeTestPlugin.newKey("sops4jsecret");
    private static final AgeTestPlugin.Key EXIT = AgeTestPlugin.newKey("sops4jexit");

    @TempDir
    Path dir;

    private Cli cli;

    @BeforeEach
    void setUp() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        AgeTestPlugin.install(bin, "sops4jtest", Mode.PLAIN);
        AgeTestPlugin.install(bin, "sops4jsecret", Mode.SECRET);
        AgeTestPlugin.install(bin, "sops4jexit", Mode.EXIT);
        cli = new Cli(dir).env("PATH", bin + File.pathSeparator + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"))
                .env("SOPS_AGE_KEY", KEY.identity());
    }

    @Test
    void encryptsWithTheAgeFlagAndDecryptsWithThePluginIdentity() {
        cli.write("s.json", "{\"a\": \"secret\"}");

        Cli.Result result = cli.run("encrypt", "-i", "--age", KEY.recipient(), "s.json");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(cli.read("s.json")).contains("\"recipient\": \"" + KEY.recipient() + "\"").doesNotContain("\"secret\"");
        assertThat(cli.decrypt("s.json")).contains("\"a\": \"secret\"");
        Cli.Result wrongKey = cli.env("SOPS_AGE_KEY", Cli.AGE_IDENTITY).run("decrypt", "s.json");
        assertThat(wrongKey.exit()).isEqualTo(128);
    }

    @Test
    void takesPluginRecipientsFromTheEnvironmentTheCreationRulesAndRotate() {
        cli.env("SOPS_AGE_RECIPIENTS", KEY.recipient()).write("e.json", "{\"a\": \"secret\"}");
        Cli.Result fromEnvironment = cli.run("encrypt", "-i", "e.json");
        assertThat(fromEnvironment.exit()).as(fromEnvironment.err()).isZero();
        assertThat(cli.read("e.json")).contains(KEY.recipient());
        assertThat(cli.decrypt("e.json")).contains("\"a\": \"secret\"");

        cli.env("SOPS_AGE_RECIPIENTS", null).write(".sops.yaml", "creation_rules:\n  - path_regex: r\\.json$\n    age: "
                + KEY.recipient() + "\n");
        cli.write("r.json", "{\"a\": \"secret\"}");
        Cli.Result fromRules = cli.run("encrypt", "-i", "r.json");
        assertThat(fromRules.exit()).as(fromRules.err()).isZero();
        assertThat(cli.read("r.json")).contains(KEY.recipient());
        assertThat(cli.decrypt("r.json")).contains("\"a\": \"secret\"");

        cli.env("SOPS_AGE_KEY", Cli.AGE_IDENTITY).encrypted("x.json", "{\"a\": \"secret\"}");
        Cli.Result added = cli.run("rotate", "-i", "--add-age", KEY.recipient(), "x.json");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(cli.env("SOPS_AGE_KEY", KEY.identity()).decrypt("x.json")).contains("\"a\": \"secret\"");
    }

    @Test
    void aPluginThatFailsStopsTheCommandAndLeavesTheFileAlone() {
        cli.write("s.json", "{\"a\": \"secret\"}");

        Cli.Result result = cli.run("encrypt", "-i", "--age", EXIT.recipient(), "s.json");

        assertThat(result.exit()).isNotZero();
        assertThat(result.err()).contains(EXIT.recipient(), "sops4jexit plugin: the plugin failed with exit status 3")
                .doesNotContain("Exception");
        assertThat(cli.read("s.json")).isEqualTo("{\"a\": \"secret\"}");
    }

    @Test
    void aPluginAskingForASecretIsAnsweredOnTheTerminal() {
        cli.write("s.json", "{\"a\": \"secret\"}");
        // a pseudo-terminal, where the PIN is typed
        cli.launchedThrough("bash", "-c", "exec script -qec \"$(printf '%q ' \"$@\")\" /dev/null", "bash");

        Cli.Result result = cli.runWithInput(AgeTestPlugin.PIN + "\n", "encrypt", "--age", SECRET.recipient(), "s.json");

        assertThat(result.exit()).as(result.out()).isZero();
        assertThat(result.out()).as("the terminal, where script(1) puts standard output and error")
                .contains("PIN of the test token: \r\n{", "\"recipient\": \"" + SECRET.recipient() + "\"");
    }

    @Test
    void aPluginAskingForASecretWithoutATerminalIsAClearError() {
        cli.write("s.json", "{\"a\": \"secret\"}");

        Cli.Result result = cli.launchedThrough("setsid", "-w").run("encrypt", "-i", "--age", SECRET.recipient(), "s.json");

        assertThat(result.exit()).isNotZero();
        assertThat(result.err()).contains("sops4jsecret plugin: a PIN is required (could not read value for "
                + "age-plugin-sops4jsecret: standard input is not a terminal, and /dev/tty is not available")
                .doesNotContain("Exception");
        assertThat(cli.read("s.json")).isEqualTo("{\"a\": \"secret\"}");

        Cli.Result encrypted = cli.launchedThrough().run("encrypt", "-i", "--age", KEY.recipient(), "s.json");
        assertThat(encrypted.exit()).as(encrypted.err()).isZero();
        Cli.Result decrypt = cli.env("SOPS_AGE_KEY", SECRET.identity()).launchedThrough("setsid", "-w").run("decrypt", "s.json");
        assertThat(decrypt.exit()).isEqualTo(128);
        assertThat(decrypt.err()).contains("sops4jsecret plugin: a PIN is required (could not read value for "
                + "age-plugin-sops4jsecret: standard input is not a terminal, and /dev/tty is not available")
                .doesNotContain(SECRET.identity()).doesNotContain("Exception");
        assertThat(decrypt.out()).isEmpty();
    }
}
