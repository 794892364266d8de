package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/** Only the subcommand being run is registered; help and errors look as with all of them. */
class SubcommandRegistrationTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SopsCommand.run(args, new Streams(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    @Test
    void eachSubcommandIsRegisteredUnderItsOwnName() {
        for (Map.Entry<String, Class<?>> subcommand : SopsCommand.Subcommands.ALL.entrySet()) {
            assertThat(subcommand.getValue().getAnnotation(Command.class).name()).isEqualTo(subcommand.getKey());
        }
    }

    @Test
    void theNamesWithoutClassesAreTheRegisteredOnes() {
        assertThat(SopsCommand.SubcommandNames.ALL).containsExactlyInAnyOrderElementsOf(SopsCommand.Subcommands.ALL.keySet());
        assertThat(SopsCommand.SubcommandNames.ALL).containsAll(SopsCommand.SubcommandNames.WITH_CRYPTO);
        assertThat(SopsCommand.SubcommandNames.WITH_CRYPTO).hasSize(9)
                .doesNotContain("filestatus", "groups", "keyservice", "completion");
    }

    @Test
    void helpListsEverySubcommandInOrder() {
        assertThat(run("--help")).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).startsWith("Usage: sops [-hV] [--mac-only-encrypted] [--verbose] [--config=<config>]")
                .contains("Commands:\n  decrypt     decrypt a file, and output the results to stdout\n")
                .containsSubsequence(SopsCommand.Subcommands.ALL.keySet().stream().map(name -> "\n  " + name + " ").toList());
        assertThat(SopsCommand.Subcommands.ALL).hasSize(13);
    }

    @Test
    void helpAfterAGlobalOptionStillListsEverySubcommand() {
        assertThat(run("--indent", "2", "-h")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\n  filestatus ", "\n  completion ");
    }

    @Test
    void aSubcommandsOwnHelpIsItsUsage() {
        assertThat(run("decrypt", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: sops decrypt ");
    }

    @Test
    void anUnknownSubcommandIsALegacyEditAsBefore(@TempDir Path directory) {
        Cli.Result result = new Cli(directory).run("nosuch");
        assertThat(result.err()).isEqualTo(
                "config file not found, or has no creation rules, and no keys provided through command line options\n");
        assertThat(result.exit()).isEqualTo(1);
    }

    @Test
    void anUnknownGlobalOptionIsReportedAsBefore() {
        assertThat(run("--indent", "2", "--bogus")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Unknown option: '--bogus'\n");
    }
}
