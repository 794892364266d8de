package io.sops4j.internal.store.yaml;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.FormatException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A syntax error names the problem and its position but never repeats the input line. */
class ParseErrorsTest {

    @Test
    void syntaxErrorsDoNotQuoteTheInput() {
        byte[] input = "a: b\npassword: \"s3cr3t-value\n  x: [\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new YamlStore(0).loadPlain(input))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("quoted scalar")
                .hasMessageContaining("line 2, column 11")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void badIndentationDoesNotQuoteTheInput() {
        byte[] input = "key: value\n  token: abcdef-secret\n bad\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new YamlStore(0).loadPlain(input))
                .isInstanceOf(FormatException.class)
                .hasMessageNotContaining("abcdef-secret");
    }
}
