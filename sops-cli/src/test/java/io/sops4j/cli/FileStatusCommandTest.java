package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStatusCommandTest {

    @TempDir
    Path dir;

    @Test
    void reportsWhetherAFileIsEncrypted() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"a\": \"secret\"}");
        cli.write("p.json", "{\"a\": \"plain\"}");
        cli.write("nomac.json", cli.read("s.json").replaceAll("\"mac\": \"[^\"]*\"", "\"mac\": \"\""));

        assertThat(cli.run("filestatus", "s.json").out()).isEqualTo("{\"encrypted\":true}\n");
        assertThat(cli.run("filestatus", "p.json").out()).isEqualTo("{\"encrypted\":false}\n");
        assertThat(cli.run("filestatus", "nomac.json").out()).isEqualTo("{\"encrypted\":false}\n");
        assertThat(cli.run("filestatus", "missing.json").exit()).isEqualTo(100);
    }

    @Test
    void legacyDecryptAndEncryptFlags() {
        Cli cli = new Cli(dir);
        cli.write("p.json", "{\"a\": \"plain\"}");
        Cli.Result encrypted = cli.run("-e", "--age", Cli.AGE_RECIPIENT, "p.json");
        assertThat(encrypted.exit()).as(encrypted.err()).isZero();
        cli.write("e.json", encrypted.out());
        Cli.Result decrypted = cli.run("--indent", "2", "-d", "e.json");
        assertThat(decrypted.out()).isEqualTo("{\n  \"a\": \"plain\"\n}\n");
    }

    @Test
    void everySubcommandHasHelp() {
        Cli cli = new Cli(dir);
        for (String command : new String[] {"edit", "rotate", "updatekeys", "set", "unset", "exec-env", "exec-file", "filestatus"}) {
            Cli.Result help = cli.run(command, "--help");
            assertThat(help.exit()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: sops " + command);
        }
    }
}
