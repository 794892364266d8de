package io.sops4j.internal.go;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GoJsonStringsUnquoteTest {

    private static String unquote(String literalBody) {
        byte[] in = ("\"" + literalBody + "\"").getBytes(StandardCharsets.UTF_8);
        return GoJsonStrings.unquote(in, 1, in.length - 1);
    }

    @Test
    void plainAsciiIsCopied() {
        assertThat(unquote("")).isEmpty();
        assertThat(unquote("ENC[AES256_GCM,data:abc=,iv:x,tag:y,type:str]")).isEqualTo("ENC[AES256_GCM,data:abc=,iv:x,tag:y,type:str]");
    }

    @Test
    void escapesAfterAPlainPrefixAreDecoded() {
        assertThat(unquote("ab\\n\\t\\\"c\\u00e9\\ud83d\\ude00z")).isEqualTo("ab\n\t\"c\u00e9\ud83d\ude00z");
        assertThat(unquote("\\\\x")).isEqualTo("\\x");
    }

    @Test
    void multiByteUtf8AfterAPlainPrefixIsDecoded() {
        assertThat(unquote("key é ü 😀 end")).isEqualTo("key é ü 😀 end");
        assertThat(unquote("é")).isEqualTo("é");
    }
}
