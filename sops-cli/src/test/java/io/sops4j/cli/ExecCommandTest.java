package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ExecCommandTest {

    private static final boolean ROOT = new com.sun.security.auth.module.UnixSystem().getUid() == 0;

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

        Cli.Result user = cli.run("exec-env", "--user", "no-such-user-here", "s.json", "echo ran");
        assertThat(user.exit()).isEqualTo(1);
        assertThat(user.out()).isEmpty();
        assertThat(user.err()).contains(ROOT ? "user: unknown user no-such-user-here" : "needs root");
        assertThat(cli.run("exec-env", "--same-process", "--background", "s.json", "true").exit()).isEqualTo(8);
    }

    @Test
    @Timeout(90)
    void hupAndTermSentToSopsReachTheCommandAndSopsEndsWithItsExitCode() throws Exception {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"TOKEN\": \"secret\"}");
        Process sops = cli.start("exec-env", "s.json", "trap 'echo reloading' HUP; "
                + "trap 'echo \"stopping $TOKEN\"; exit 3' TERM; echo ready; while :; do sleep 0.1; done");
        List<ProcessHandle> command = new ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(sops.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("ready");
            command.addAll(sops.descendants().toList());

            assertThat(new ProcessBuilder("/bin/sh", "-c", "kill -s HUP " + sops.pid()).start().waitFor()).isZero();
            assertThat(out.readLine()).isEqualTo("reloading");
            assertThat(sops.isAlive()).isTrue();

            sops.toHandle().destroy();

            assertThat(sops.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(out.readLine()).isEqualTo("stopping secret");
            assertThat(sops.exitValue()).isEqualTo(3);
        } finally {
            command.forEach(ProcessHandle::destroyForcibly);
            sops.destroyForcibly();
        }
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

    @Test
    void execEnvAsAnotherUserGetsItsIdentityAndHomeOrNeedsRoot() throws Exception {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"TOKEN\": \"secret\", \"USER\": \"from-file\"}");

        Cli.Result result = cli.run("exec-env", "--user", "nobody", "s.json",
                "echo \"$(id -un) $(id -u) $HOME $USER $LOGNAME $TOKEN\"");

        if (!ROOT) {
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.err()).contains("--user nobody: switching users needs root");
            assertThat(result.out()).isEmpty();
            return;
        }
        String[] nobody = passwd("nobody");
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("nobody " + nobody[2] + " " + nobody[5] + " from-file nobody secret\n");
    }

    @Test
    void execFileAsAnotherUserHandsItTheFifoAndTheFile() throws Exception {
        Assumptions.assumeTrue(ROOT, "switching users needs root; the refusal is checked by the exec-env test");
        Cli cli = new Cli(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        Files.setPosixFilePermissions(dir.resolve("tmp"), PosixFilePermissions.fromString("rwx--x--x"));
        cli.encrypted("s.json", "{\"TOKEN\": \"secret\"}");

        Cli.Result fifo = cli.run("exec-file", "--user", "nobody", "s.json", "id -un; stat -c '%U %a' {}; cat {}");
        assertThat(fifo.exit()).as(fifo.err()).isZero();
        assertThat(fifo.out()).isEqualTo("nobody\nnobody 600\n{\n\t\"TOKEN\": \"secret\"\n}\n");

        Cli.Result file = cli.run("exec-file", "--user", "nobody", "--no-fifo", "--filename", "nested/conf.env",
                "--output-type", "dotenv", "s.json", "stat -c '%U %a' {} $(dirname $(dirname {})); stat -c %U $(dirname {}); cat {}");
        assertThat(file.exit()).as(file.err()).isZero();
        assertThat(file.out()).isEqualTo("nobody 600\nnobody 700\nnobody\nTOKEN=secret\n");
        cli.assertNoTemporaryFiles();
    }

    private static String[] passwd(String name) throws Exception {
        Process getent = new ProcessBuilder("getent", "passwd", name).start();
        String entry = new String(getent.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(getent.waitFor()).isZero();
        return entry.split(":");
    }
}
