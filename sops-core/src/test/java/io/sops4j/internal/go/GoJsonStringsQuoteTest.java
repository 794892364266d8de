package io.sops4j.internal.go;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Go's {@code json.Marshal} of strings, with the character needing an escape at the start, inside
 * and at the end. The table is a text block, so Java's escapes in it are already applied.
 */
class GoJsonStringsQuoteTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            plain ascii, copied at once       | `ENC[AES256_GCM,data:x=,type:str]` | `"ENC[AES256_GCM,data:x=,type:str]"`
            empty                             | ``                                 | `""`
            html escape first                 | `<a>`                              | `"\\u003ca\\u003e"`
            html escape inside                | `a&b`                              | `"a\\u0026b"`
            quote and backslash at the end    | `x"\\`                             | `"x\\"\\\\"`
            control characters                | `tab\there\u0001`                  | `"tab\\there\\u0001"`
            non-ASCII kept                    | `héllo ✓`                          | `"héllo ✓"`
            line and paragraph separators     | `ab\u2028\u2029`                   | `"ab\\u2028\\u2029"`
            lone surrogate replaced           | `a\uD800b`                         | `"a\\ufffdb"`
            surrogate pair kept               | `x\uD83D\uDE00`                    | `"x\uD83D\uDE00"`
            """)
    void quotesLikeGo(String name, String value, String expected) {
        StringBuilder out = new StringBuilder("prefix:");
        GoJsonStrings.appendQuoted(out, value);
        assertThat(out.toString()).isEqualTo("prefix:" + expected);
    }
}
