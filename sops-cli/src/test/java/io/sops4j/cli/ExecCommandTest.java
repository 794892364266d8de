package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecCommandTest {

    @TempDir
    Path dir;

    @Test
    void execEnvPassesScalarsAsEnvironmentAndPropagatesTheExitCode() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"TOKEN\": \"secret\", \"N\": 3, \"F\": 1.0, \"B\": true, \"MULTI\": \"a\\nb\"}");

        Cli.Result result = cli.env("OUTSIDE", "kept").run("exec-env", "s.json",
                "echo \"$TOKEN $N $F $B $OUTSIDE\"; printf '%s' \"$MULTI\" | wc -l; exit 7");

        assertThat(result.exit()).isEqualTo(7);
        assertThat(result.out()).isEqualTo("secret 3 1.0 true kept\n1\n");
    }

    @Test
    void execEnvPristineDropsTheInheritedEnvironment() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"TOKEN\": \"secret\"}");
        Cli.Result result = cli.env("OUTSIDE", "kept").run("exec-env", "--pristine", "s.json", "echo \"[$TOKEN][$OUTSIDE]\"");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo("[secret][]\n");
    }

    @Test
    void execEnvRefusesNestedValuesAndUserBeforeRunningAnything() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"TOKEN\": \"secret\", \"nested\": {\"x\": 1}}");
        Cli.Result nested = cli.run("exec-env", "s.json", "echo ran");
        assertThat(nested.exit()).isEqualTo(1);
        assertThat(nested.out()).isEmpty();
        assertThat(nested.err()).contains("nested").doesNotContain("secret");

        Cli.Result user = cli.run("exec-env", "--user", "nobody", "s.json", "echo ran");
        assertThat(user.exit()).isEqualTo(1);
        assertThat(user.err()).contains("--user is not supported");
        assertThat(cli.run("exec-env", "--same-process", "--background", "s.json", "true").exit()).isEqualTo(8);
    }

    @Test
    void execEnvSameProcessBehavesLikeAChildWithTheSameExitCode() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"TOKEN\": \"secret\"}");
        Cli.Result result = cli.run("exec-env", "--same-process", "s.json", "echo $TOKEN; exit 4");
        assertThat(result.exit()).isEqualTo(4);
        assertThat(result.out()).isEqualTo("secret\n");
    }

    @Test
    void execFileThroughAFifoAndThroughAPrivateFileRemovesItAfterwards() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"TOKEN\": \"secret\"}");

        Cli.Result fifo = cli.run("exec-file", "s.json", "test -p {} && cat {}");
        assertThat(fifo.exit()).as(fifo.err()).isZero();
        assertThat(fifo.out()).isEqualTo("{\n\t\"TOKEN\": \"secret\"\n}\n");

        Cli.Result file = cli.run("exec-file", "--no-fifo", "--filename", "conf.json", "--output-type", "dotenv", "s.json",
                "stat -c '%a %n' {} | sed 's|.*/||;s|^|mode |'; stat -c %a {}; cat {}; exit 5");
        assertThat(file.exit()).isEqualTo(5);
        assertThat(file.out()).isEqualTo("mode conf.json\n600\nTOKEN=secret\n");
        cli.assertNoTemporaryFiles();
    }

    @Test
    void execFileRejectsAFilenameOutsideItsDirectory() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"TOKEN\": \"secret\"}");
        Cli.Result result = cli.run("exec-file", "--no-fifo", "--filename", "../escape", "s.json", "cat {}");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("--filename");
        assertThat(result.out()).isEmpty();
    }
}
