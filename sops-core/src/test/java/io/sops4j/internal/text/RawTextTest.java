package io.sops4j.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawTextTest {

    @Test
    void everyByteSequenceSurvivesDecodingAndEncoding() {
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                byte[] bytes = {(byte) a, (byte) b, 'x', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, (byte) a};
                assertThat(RawText.encode(RawText.decode(bytes))).isEqualTo(bytes);
            }
        }
    }

    @Test
    void validTextStaysTextAndOtherBytesBecomeBytes() {
        assertThat(RawText.decode(new byte[0])).isEmpty();
        String valid = "caf\u00e9 \uD83D\uDE00";
        assertThat(RawText.decode(valid.getBytes(StandardCharsets.UTF_8))).isEqualTo(valid);
        assertThat(RawText.value(valid)).isEqualTo(valid);
        byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(RawText.value(RawText.decode(latin1))).isEqualTo(latin1);
        assertThat(RawText.display(RawText.decode(latin1))).isEqualTo("caf\\xE9");
        assertThat(RawText.firstInvalidByte(latin1)).isEqualTo(3);
        assertThat(RawText.firstInvalidByte(valid.getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
    }
}
