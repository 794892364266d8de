package io.sops4j.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written matcher agrees with upstream's regular expression on crafted and random input. */
class EncryptedValueMatchTest {

    private static final Pattern FORMAT = Pattern.compile("^ENC\\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\\]");

    private static final String[] PIECES = {
        "ENC[AES256_GCM,data:", ",iv:", ",tag:", ",type:", "]", "]", ",", ":", "QUJD", "YQ==", "str", "a",
        "\n", "\r", "\u0085", "\u2028", "\u2029", "=", "iv", "tag", "type", "[", "é", "comment",
    };

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void agreesWithTheRegexOnRandomInput(long seed) {
        Random random = new Random(seed);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder(random.nextInt(3) == 0 ? "" : "ENC[AES256_GCM,data:");
            int pieces = random.nextInt(14);
            for (int i = 0; i < pieces; i++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            assertSameAsRegex(text.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ENC[AES256_GCM,data:YQ==,iv:YQ==,tag:YQ==,type:str]",
        "ENC[AES256_GCM,data:YQ==,iv:YQ==,tag:YQ==,type:str]trailing]",
        "ENC[AES256_GCM,data:YQ==,iv:YQ==,iv:YQ==,tag:YQ==,type:str]",
        "ENC[AES256_GCM,data:YQ==,iv:YQ==,tag:YQ==,type:str,type:int]",
        "ENC[AES256_GCM,data:YQ==,iv:YQ==,tag:YQ==,type:str]\nENC[AES256_GCM,data:YQ==,iv:YQ==,tag:YQ==,type:x]",
        "ENC[AES256_GCM,data:YQ==,iv:YQ==,tag:YQ==,type:]",
        "ENC[AES256_GCM,data:,iv:YQ==,tag:YQ==,type:str]",
        "ENC[AES256_GCM,data:YQ==,iv:YQ==,tag:YQ==\r,type:str]",
        "ENC[AES256_GCM,data:YQ==,iv:YQ==,tag:YQ==,type:s\u2028tr]",
        "ENC[AES256_GCM,data:YQ==,iv:YQ==,tag:YQ==,type:s\ntr]]",
        "ENC[AES256_GCM,data:YQ\n==,iv:YQ==,tag:YQ==,type:str]",
        "ENC[AES256_GCM,data:YQ==,iv:Y\u0085Q==,tag:YQ==,type:str]",
        "ENC[AES256_GCM,data:YQ==,iv:YQ==,tag:YQ==,type:comment]",
        "xENC[AES256_GCM,data:YQ==,iv:YQ==,tag:YQ==,type:str]",
        "",
    })
    void agreesWithTheRegexOnCraftedInput(String text) {
        assertSameAsRegex(text);
    }

    private static void assertSameAsRegex(String text) {
        Matcher m = FORMAT.matcher(text);
        boolean matches = m.lookingAt();
        assertThat(EncryptedValue.looksEncrypted(text)).as("%s", text).isEqualTo(matches);
        boolean decodes = matches && decodes(m);
        assertThat(ValueCipher.isEncryptedComment(text)).as("%s", text).isEqualTo(decodes && m.group(4).equals("comment"));
        if (!matches) {
            assertThatThrownBy(() -> EncryptedValue.parse(text)).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        byte[][] expected = new byte[3][];
        String failure = null;
        for (int g = 0; g < 3 && failure == null; g++) {
            try {
                expected[g] = Base64.getDecoder().decode(m.group(g + 1).replace("\r", "").replace("\n", ""));
            } catch (IllegalArgumentException e) {
                failure = "Error base64-decoding " + new String[] {"data", "iv", "tag"}[g];
            }
        }
        if (failure != null) {
            assertThatThrownBy(() -> EncryptedValue.parse(text)).hasMessage(failure);
            return;
        }
        EncryptedValue parsed = EncryptedValue.parse(text);
        assertThat(parsed.data()).isEqualTo(expected[0]);
        assertThat(parsed.iv()).isEqualTo(expected[1]);
        assertThat(parsed.tag()).isEqualTo(expected[2]);
        assertThat(parsed.type()).isEqualTo(m.group(4));
    }

    private static boolean decodes(Matcher m) {
        try {
            for (int g = 1; g <= 3; g++) {
                Base64.getDecoder().decode(m.group(g));
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
