package io.sops4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.error.ExitCode;
import io.sops4j.error.SopsException;
import io.sops4j.tree.TreeBranch;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class JsonValueDepthTest {

    private static byte[] nested(int levels) {
        return ("{\"d\": ".repeat(levels) + "1" + "}".repeat(levels)).getBytes(StandardCharsets.UTF_8);
    }

    /** What {@code jsonValue}, the value of {@code sops set}, returns or throws on a thread with a small stack. */
    private static Object parseOnASmallStack(byte[] json) throws InterruptedException {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                outcome.set(DecryptedFile.jsonValue(new String(json, StandardCharsets.UTF_8)));
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "small-stack", 192 * 1024);
        thread.start();
        thread.join();
        return outcome.get();
    }

    @Test
    void aValueNestedToTheLimitIsReadWhateverTheCallersStack() throws InterruptedException {
        assertThat(parseOnASmallStack(nested(9_999))).isInstanceOf(TreeBranch.class);
    }

    @Test
    void aValueNestedBeyondTheLimitFailsWithTheDepthError() throws InterruptedException {
        Object outcome = parseOnASmallStack(nested(10_001));

        assertThat(outcome).isInstanceOf(SopsException.class);
        assertThat(((SopsException) outcome).exitCode()).isEqualTo(ExitCode.INVALID_SET_FORMAT);
        assertThat(((SopsException) outcome).getMessage()).contains("exceeded max depth of 10000");
    }
}
