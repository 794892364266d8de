package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code sops --version} from the build, {@code sops completion bash|zsh|fish}. */
class CompletionAndVersionTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SopsCommand.run(args, new Streams(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void versionNamesUpstreamsVersionAndTheBuilds() {
        assertThat(run("--version")).isZero();
        assertThat(out()).matches("sops 3\\.13\\.2 \\(sops4j \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\)\\R");
        assertThat(SopsCommand.Version.text()).isEqualTo(out().strip());
    }

    @Test
    void bashAndZshShareOneScriptCompletingSubcommandsAndOptions() {
        assertThat(run("completion", "bash")).isZero();
        String bash = out();
        assertThat(bash).contains("complete -F _complete_sops", "decrypt", "filestatus", "--extract", "bashcompinit");
        out.reset();
        assertThat(run("completion", "zsh")).isZero();
        assertThat(out()).isEqualTo(bash);
    }

    @Test
    void fishGetsALinePerSubcommandAndOption() {
        assertThat(run("completion", "fish")).isZero();
        assertThat(out()).startsWith("complete -c sops -f\n")
                .contains("complete -c sops -n __fish_use_subcommand -a decrypt -d 'decrypt a file, and output the results to stdout'\n")
                .contains("complete -c sops -n '__fish_seen_subcommand_from decrypt' -l extract -r -F -d")
                .contains("complete -c sops -n '__fish_seen_subcommand_from decrypt' -s h -l help -d");
    }

    @Test
    void anotherShellIsRefusedNamingTheOnesSupported() {
        assertThat(run("completion", "tcsh")).isEqualTo(1);
        assertThat(out()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unsupported shell 'tcsh': use bash, zsh or fish");
    }
}
