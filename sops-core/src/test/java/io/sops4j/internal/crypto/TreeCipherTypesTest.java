package io.sops4j.internal.crypto;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.SopsException;
import io.sops4j.metadata.EncryptionRules;
import io.sops4j.testing.CountingIvSource;
import io.sops4j.tree.TreeBranch;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys and values the tree cannot hold are named by the Go type upstream names, never a Java class. */
class TreeCipherTypesTest {

    private static void encrypt(TreeBranch document) {
        new TreeCipher(new ValueCipher(new byte[32], new CountingIvSource(1)), EncryptionRules.defaults(), false)
                .encrypt(List.of(document));
    }

    @Test
    void anIntegerKeyIsNamedAsUpstreamNamesIt() {
        assertThatThrownBy(() -> encrypt(new TreeBranch().add(1L, "x")))
                .isInstanceOf(SopsException.class)
                .hasMessage("Tree contains a non-string key (type int). Only string keys are supported");
    }

    @Test
    void aValueOfAnotherTypeIsNotNamedByItsJavaClass() {
        assertThatThrownBy(() -> encrypt(new TreeBranch().add("a", new TreeBranch().add("b", new BigDecimal("1.5")))))
                .isInstanceOf(SopsException.class)
                .hasMessage("Cannot walk value, unknown type: unsupported value at a:b")
                .hasMessageNotContaining("BigDecimal");
    }

    @Test
    void aValueLeftInClearInAnEncryptedFileIsNamedByItsGoType() {
        TreeBranch document = new TreeBranch().add("n", 5L);
        assertThatThrownBy(() -> new TreeCipher(new ValueCipher(new byte[32], new CountingIvSource(1)),
                EncryptionRules.defaults(), false).decrypt(List.of(document)))
                .isInstanceOf(SopsException.class)
                .hasMessageStartingWith("Expected encrypted value as string, but got int")
                .hasMessageNotContaining("Long");
    }

    @Test
    void aValueTheCodecCannotWriteIsNotNamedByItsJavaClass() {
        assertThatThrownBy(() -> ValueCodec.typeOf(new BigDecimal("1.5")))
                .hasMessage("Value to encrypt has unsupported type unsupported value")
                .hasMessageNotContaining("BigDecimal");
        assertThatThrownBy(() -> ValueCodec.typeOf(null)).hasMessage("Value to encrypt has unsupported type <nil>");
    }
}
