package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code sops keyservice --prompt}: y answers, n declines, anything else asks again, end of input declines. */
class KeyServicePromptTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private KeyServiceCommand.TerminalApproval answering(String typed) {
        return new KeyServiceCommand.TerminalApproval(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void yesAnswersAndNoDeclines() {
        KeyServiceCommand.TerminalApproval approval = answering("y\nn\n");
        assertThat(approval.test("decrypt", "age key age1abc")).isTrue();
        assertThat(approval.test("encrypt", "pgp key ABCD")).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "\nReceived decrypt request using age key age1abc. Respond to request? (y/n): "
                        + "\nReceived encrypt request using pgp key ABCD. Respond to request? (y/n): ");
    }

    @Test
    void anythingElseAsksAgainAndTheEndOfInputDeclines() {
        assertThat(answering("maybe\nyes\ny\n").test("decrypt", "age key age1abc")).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8).split("Respond to request", -1)).hasSize(4);
        assertThat(answering("").test("decrypt", "age key age1abc")).isFalse();
    }
}
