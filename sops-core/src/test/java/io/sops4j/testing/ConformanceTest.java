package io.sops4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class ConformanceTest {

    @TempDir
    Path dir;

    @Test
    void missingDataSkipsOutsideCi() {
        assertThatThrownBy(() -> Conformance.root(dir.resolve("absent").toString(), false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("conformance data not found");
    }

    @Test
    void missingDataFailsUnderCi() {
        assertThatThrownBy(() -> Conformance.root(dir.resolve("absent").toString(), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CI=true");
        assertThatThrownBy(() -> Conformance.root("", true)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void presentDataIsUsedEitherWay() {
        assertThat(Conformance.root(dir.toString(), true)).isEqualTo(dir);
        assertThat(Conformance.root(dir.toString(), false)).isEqualTo(dir);
    }
}
