package io.sops4j.internal.store.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.tree.TreeBranch;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** How yaml.v3 (as SOPS drives it) writes single values. */
class YamlScalarStyleTest {

    private static String emitted(Object value) {
        TreeBranch branch = new TreeBranch().add("k", value);
        String text = new String(new YamlStore(0).emitPlain(List.of(branch)), StandardCharsets.UTF_8);
        assertThat(text).startsWith("k:").endsWith("\n");
        return text.substring(2, text.length() - 1).stripLeading();
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "hello|hello",
        "ENC[AES256_GCM,data:abc=,iv:x,tag:y,type:str]|ENC[AES256_GCM,data:abc=,iv:x,tag:y,type:str]",
        "5|\"5\"",
        "true|\"true\"",
        "null|\"null\"",
        "2025-01-01|\"2025-01-01\"",
        "1e3|\"1e3\"",
        ".5|\".5\"",
        "yes|\"yes\"",
        "off|\"off\"",
        "Y|\"Y\"",
        "12:30:00|\"12:30:00\"",
        "` lead`|' lead'",
        "`trail `|'trail '",
        "a: b|'a: b'",
        "#c|'#c'",
        "[x]|'[x]'",
        "- x|'- x'",
        "-|'-'",
        "---|'---'",
        "...|'...'",
        "?x|?x",
        "a:b|a:b",
        "x]|x]",
        "`a, b`|`a, b`",
        "a #b|'a #b'",
        "a#b|a#b",
        "it's|it's",
        "` it's`|' it''s'",
        "héllo wörld|héllo wörld",
        "<<|!!merge <<",
        "0x1F|\"0x1F\"",
        "017|\"017\"",
        "1_000|\"1_000\"",
        ".inf|\".inf\"",
        "~|\"~\"",
        "08|\"08\"",
        "1e400|1e400",
        "+|+",
        "@x|'@x'",
        "%x|'%x'",
        "`|x`|`'|x'`",
    })
    void stringStyles(String value, String expected) {
        assertThat(emitted(value)).isEqualTo(expected);
    }

    @Test
    void emptyStringIsDoubleQuoted() {
        assertThat(emitted("")).isEqualTo("\"\"");
    }

    @Test
    void controlAndAstralCharactersAreEscaped() {
        assertThat(emitted("\u0001")).isEqualTo("\"\\x01\"");
        assertThat(emitted("tab\there")).isEqualTo("\"tab\\there\"");
        assertThat(emitted("\uD83D\uDE00")).isEqualTo("\"\\U0001F600\"");
        assertThat(emitted("a\"b\\c\u0085\u2028x\r")).isEqualTo("\"a\\\"b\\\\c\\N\\Lx\\r\"");
        assertThat(emitted("\uFEFFx")).isEqualTo("\"\\uFEFFx\"");
    }

    @Test
    void multiLineStringsAreLiteralBlocks() {
        assertThat(emitted("line1\nline2")).isEqualTo("|-\n    line1\n    line2");
        assertThat(emitted("line1\nline2\n")).isEqualTo("|\n    line1\n    line2");
        assertThat(emitted("line1\n\n")).isEqualTo("|+\n    line1\n");
        assertThat(emitted(" lead\nx")).isEqualTo("|4-\n     lead\n    x");
        assertThat(emitted("\nx")).isEqualTo("|4-\n\n    x");
        assertThat(emitted("a\n\nb")).isEqualTo("|-\n    a\n\n    b");
    }

    @Test
    void multiLineStringsThatCannotBeBlocksAreDoubleQuoted() {
        assertThat(emitted("trailing \nspace")).isEqualTo("\"trailing \\nspace\"");
        assertThat(emitted("x\n ")).isEqualTo("\"x\\n \"");
        assertThat(emitted("bell\u0007\nx")).isEqualTo("\"bell\\a\\nx\"");
    }

    @Test
    void otherScalars() {
        assertThat(emitted(5L)).isEqualTo("5");
        assertThat(emitted(-12L)).isEqualTo("-12");
        assertThat(emitted(1.5)).isEqualTo("1.5");
        assertThat(emitted(1.0)).isEqualTo("1");
        assertThat(emitted(1e21)).isEqualTo("1e+21");
        assertThat(emitted(1e-7)).isEqualTo("1e-07");
        assertThat(emitted(1.234568e9)).isEqualTo("1.234568e+09");
        assertThat(emitted(Double.POSITIVE_INFINITY)).isEqualTo(".inf");
        assertThat(emitted(Double.NEGATIVE_INFINITY)).isEqualTo("-.inf");
        assertThat(emitted(Double.NaN)).isEqualTo(".nan");
        assertThat(emitted(true)).isEqualTo("true");
        assertThat(emitted(null)).isEqualTo("null");
        assertThat(emitted(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(emitted(OffsetDateTime.of(2006, 1, 2, 15, 4, 5, 120_000_000, ZoneOffset.ofHoursMinutes(7, 6))))
                .isEqualTo("2006-01-02T15:04:05.12+07:06");
        assertThat(emitted(List.of())).isEqualTo("[]");
        assertThat(emitted(new TreeBranch())).isEqualTo("{}");
    }

    @Test
    void keysUseTheSameRules() {
        TreeBranch branch = new TreeBranch().add("5", "a").add("a: b", "c").add("", "d");
        String text = new String(new YamlStore(0).emitPlain(List.of(branch)), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("\"5\": a\n'a: b': c\n\"\": d\n");
    }
}
