package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What a failed run prints: a sentence and an exit code, never a class name, a trace or an exception's message. */
class FailureReportTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private String print(Throwable failure, boolean verbose, int expectedCode) {
        int code = FailureReport.print(failure, new PrintStream(err, true, StandardCharsets.UTF_8), verbose);
        assertThat(code).isEqualTo(expectedCode);
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sopsExceptionsSayWhatTheyAreAboutWithTheirExitCode() {
        String text = print(new SopsException(ExitCode.MAC_MISMATCH, "MAC mismatch", Path.of("s.yaml"), "a:b", null), false, 51);

        assertThat(text).isEqualTo("s.yaml: MAC mismatch (at key 'a:b')\n");
    }

    @Test
    void unexpectedFailuresHideTheirMessageAndClass() {
        String text = print(new IllegalStateException("value Qz7Xw4Vk9Pm2Jt"), false, 1);

        assertThat(text).isEqualTo("Error: unexpected internal failure (a bug in sops4j); run with --verbose to see where it happened\n");
    }

    @Test
    void verboseShowsWhereButNotTheMessages() {
        String text = print(new IllegalStateException("value Qz7Xw4Vk9Pm2Jt", new NumberFormatException("Qz7Xw4Vk9Pm2Jt")),
                true, 1);

        assertThat(text).contains("java.lang.IllegalStateException", "caused by java.lang.NumberFormatException",
                "at io.sops4j.cli.FailureReportTest").doesNotContain("Qz7Xw4Vk9Pm2Jt");
    }

    @Test
    void ioAndResourceFailuresAreNamedPlainly() {
        assertThat(print(new UncheckedIOException(new AccessDeniedException("/etc/x")), false, 1))
                .isEqualTo("Error: /etc/x: permission denied\n");
        err.reset();
        assertThat(print(new StackOverflowError(), false, 1)).isEqualTo("Error: the input is nested too deeply to be processed\n");
        err.reset();
        assertThat(print(new OutOfMemoryError("Java heap space"), false, 1)).startsWith("Error: out of memory: ");
    }
}
