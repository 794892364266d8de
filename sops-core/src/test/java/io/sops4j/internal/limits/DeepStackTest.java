package io.sops4j.internal.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.ExitCode;
import io.sops4j.error.FormatException;
import io.sops4j.error.SopsException;
import org.junit.jupiter.api.Test;

class DeepStackTest {

    private static int depth(int n) {
        return n == 0 ? 0 : 1 + depth(n - 1);
    }

    @Test
    void recursionDeeperThanADefaultStackCompletes() {
        assertThat(DeepStack.call(() -> depth(200_000))).isEqualTo(200_000);
    }

    @Test
    void typedFailuresPassThroughUnchanged() {
        FormatException failure = new FormatException("bad");
        assertThatThrownBy(() -> DeepStack.call(() -> {
            throw failure;
        })).isSameAs(failure);
    }

    @Test
    void exhaustedStackOrMemoryBecomesATypedError() {
        assertThatThrownBy(() -> DeepStack.call(() -> depth(Integer.MAX_VALUE)))
                .isInstanceOf(SopsException.class).hasMessage("document nested too deeply to process")
                .extracting(e -> ((SopsException) e).exitCode()).isEqualTo(ExitCode.GENERIC);
        assertThatThrownBy(() -> DeepStack.run(() -> {
            throw new OutOfMemoryError("Java heap space");
        })).isInstanceOf(SopsException.class).hasMessage("not enough memory to process the document");
    }

    @Test
    void nestedCallsRunOnTheSameThread() {
        Thread outer = DeepStack.call(() -> DeepStack.call(Thread::currentThread));
        assertThat(outer.getName()).isEqualTo("sops4j-walk");
    }
}
