package io.sops4j.internal.store.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.ExitCode;
import io.sops4j.error.FormatException;
import io.sops4j.error.SopsException;
import io.sops4j.internal.store.EncryptedDocument;
import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** yaml.v3's implicit typing and SOPS's loading rules. */
class YamlLoadingTest {

    private final YamlStore store = new YamlStore(0);

    private Object load(String scalar) {
        return store.loadPlain(("k: " + scalar + "\n").getBytes(StandardCharsets.UTF_8)).get(0).get("k").orElse(null);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "42|42", "0|0", "-0|0", "123456789012345678|123456789012345678", "-1234567890123456789|-1234567890123456789",
        "0x1F|31", "0o17|15", "017|15", "-017|-15", "1_000|1000", "12345_54321|1234554321", "+5|5", "-0b101|-5",
        "-9223372036854775808|-9223372036854775808"})
    void integers(String text, long expected) {
        assertThat(load(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "1.0|1.0", "1e3|1000.0", ".5|0.5", "1.50|1.5", "08|8.0", "-1.5e-3|-0.0015", "18446744073709551616|1.8446744073709552E19"})
    void floats(String text, double expected) {
        assertThat(load(text)).isEqualTo(expected);
    }

    @Test
    void specialFloats() {
        assertThat(load(".inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(load("-.Inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat((Double) load(".nan")).isNaN();
        assertThat(load("1e400")).isEqualTo("1e400");
        assertThat(load(".iNf")).isEqualTo(".iNf");
    }

    @Test
    void booleansAndNulls() {
        for (String t : List.of("true", "True", "TRUE")) {
            assertThat(load(t)).isEqualTo(true);
        }
        for (String f : List.of("false", "False", "FALSE")) {
            assertThat(load(f)).isEqualTo(false);
        }
        for (String s : List.of("yes", "no", "on", "off", "y", "n", "tRUE")) {
            assertThat(load(s)).isEqualTo(s);
        }
        for (String n : List.of("~", "null", "Null", "NULL", "")) {
            assertThat(load(n)).isNull();
        }
    }

    @Test
    void timestamps() {
        assertThat(load("2024-01-01")).isEqualTo(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(load("2025-01-02 03:04:05")).isEqualTo(OffsetDateTime.of(2025, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
        assertThat(load("2006-01-02T15:04:05+07:06"))
                .isEqualTo(OffsetDateTime.of(2006, 1, 2, 15, 4, 5, 0, ZoneOffset.ofHoursMinutes(7, 6)));
        assertThat(load("2006-1-2t15:4:5.123456789123Z"))
                .isEqualTo(OffsetDateTime.of(2006, 1, 2, 15, 4, 5, 123456789, ZoneOffset.UTC));
        assertThat(load("2024-02-30")).isEqualTo("2024-02-30");
        assertThat(load("20240-01-01")).isEqualTo("20240-01-01");
        assertThat(load("'2024-01-01'")).isEqualTo("2024-01-01");
    }

    @Test
    void quotedAndTaggedScalars() {
        assertThat(load("\"5\"")).isEqualTo("5");
        assertThat(load("'true'")).isEqualTo("true");
        assertThat(load("!!str 5")).isEqualTo("5");
        assertThat(load("!!int \"7\"")).isEqualTo(7L);
        assertThat(load("!!float 3")).isEqualTo(3.0);
        assertThat(load("!!binary aGVsbG8=")).isEqualTo("hello");
        assertThat(load("!custom x")).isEqualTo("x");
        assertThatThrownBy(() -> load("!!int abc")).isInstanceOf(FormatException.class)
                .hasMessageContaining("line 1: cannot decode !!str as a !!int").hasMessageNotContaining("abc");
    }

    /**
     * As yaml.v3 decodes them: {@code !!null} is resolved, so only a null may carry it; {@code !!map}
     * and {@code !!seq} on a scalar are tags yaml.v3 does not resolve, and the scalar stays a string.
     */
    @Test
    void explicitNullMapAndSeqTagsOnScalars() {
        assertThat(load("!!null ~")).isNull();
        assertThat(load("!!null \"null\"")).isNull();
        assertThat(load("!!null")).isNull();
        assertThatThrownBy(() -> load("!!null Qz7Xw4")).isInstanceOf(FormatException.class)
                .hasMessageContaining("line 1: cannot decode !!str as a !!null").hasMessageNotContaining("Qz7Xw4");
        assertThatThrownBy(() -> load("!!null 5")).hasMessageContaining("cannot decode !!int as a !!null");
        assertThat(load("!!map x")).isEqualTo("x");
        assertThat(load("!!seq x")).isEqualTo("x");
    }

    /** As yaml.v3 reads them: a last line that ends the input without a line break gets none. */
    static Stream<Arguments> blockScalars() {
        return Stream.of(
                Arguments.of("m: |\n  multi\n  line", "multi\nline"),
                Arguments.of("m: |\n  multi\n  line\n", "multi\nline\n"),
                Arguments.of("m: |+\n  a\n  b", "a\nb"),
                Arguments.of("m: |+\n  a\n  b\n\n", "a\nb\n\n"),
                Arguments.of("m: >\n  a\n  b", "a b"),
                Arguments.of("m: >\n  a\n  b\n", "a b\n"),
                Arguments.of("m: |-\n  a\n  b", "a\nb"),
                Arguments.of("m: |\n  a\n  b  ", "a\nb  "),
                Arguments.of("m: |\n  a\n  b\n  ", "a\nb\n"),
                Arguments.of("m: |\n  a\n  b\n# c", "a\nb\n"),
                Arguments.of("m: |\n  a\nx: |\n  deep", "a\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockScalars")
    void blockScalarsKeepOnlyTheLineBreaksThatAreThere(String yaml, String value) {
        assertThat(store.loadPlain(yaml.getBytes(StandardCharsets.UTF_8)).get(0).get("m")).contains(value);
    }

    @Test
    void blockScalarEndingTheInputInANestedMapping() {
        TreeBranch branch = store.loadPlain("m: |\n  a\nx:\n  y: |\n    deep".getBytes(StandardCharsets.UTF_8)).get(0);

        assertThat(((TreeBranch) branch.get("x").orElseThrow()).get("y")).contains("deep");
    }

    @Test
    void unsignedRangeIntegersCannotBeWalked() {
        assertThat(YamlResolver.resolve("", "9223372036854775808").value())
                .isEqualTo(new YamlResolver.Unsigned(new BigInteger("9223372036854775808")));
        assertThatThrownBy(() -> load("18446744073709551615")).isInstanceOf(FormatException.class)
                .hasMessageContaining("Cannot walk value, unknown type: uint64");
    }

    @Test
    void theScannerBufferHoldsTheLongestToken() {
        assertThat(YamlStore.longestRun("a: bcd\n  ef\tghijk\r\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(5);
        assertThat(YamlStore.longestRun(new byte[0])).isZero();
    }

    @Test
    void aliasesAreExpandedAndMergeKeysKept() {
        String text = "base: &b\n    x: 1\nd:\n    <<: *b\n    y: 2\n";
        TreeBranch branch = store.loadPlain(text.getBytes(StandardCharsets.UTF_8)).get(0);
        TreeBranch d = (TreeBranch) branch.get("d").orElseThrow();
        assertThat(d.get("<<")).contains(new TreeBranch().add("x", 1L));
        assertThat(new String(store.emitPlain(List.of(branch)), StandardCharsets.UTF_8))
                .isEqualTo("base:\n    x: 1\nd:\n    !!merge <<:\n        x: 1\n    \"y\": 2\n");
    }

    @Test
    void documentShapesAndErrors() {
        assertThat(store.loadPlain(new byte[0])).isEmpty();
        assertThatThrownBy(() -> store.loadPlain("# only a comment\n".getBytes())).hasMessage("EOF");
        assertThatThrownBy(() -> store.loadPlain("- a\n".getBytes()))
                .hasMessage("yaml: unmarshal errors:\n  line 1: cannot unmarshal !!seq into map[string]interface {}");
        assertThatThrownBy(() -> store.loadPlain("a: 1\n---\n- x\n".getBytes()))
                .hasMessage("Error unmarshaling input YAML: YAML documents that are sequences are not supported");
        assertThatThrownBy(() -> store.loadPlain("a: 1\n---\nhello\n".getBytes()))
                .hasMessage("Error unmarshaling input YAML: YAML documents that are values are not supported");
        assertThat(store.loadPlain("---\n".getBytes())).containsExactly(new TreeBranch());
        assertThatThrownBy(() -> store.loadPlain("a:\n  b: 1\n  b: 2\n  c: 3\n  c: 4\n".getBytes()))
                .hasMessage("yaml: unmarshal errors:\n  line 3: mapping key \"b\" already defined at line 2\n"
                        + "  line 5: mapping key \"c\" already defined at line 4");
        assertThatThrownBy(() -> new YamlStore(-1).emitPlain(List.of(new TreeBranch().add("a", 1L))))
                .isInstanceOf(SopsException.class).hasMessage("YAML Negative indentation not accepted")
                .extracting(e -> ((SopsException) e).exitCode()).isEqualTo(ExitCode.ERROR_DUMPING_TREE);
    }

    @Test
    void commentsArePlacedLikeUpstream() {
        String text = "# head\nk: [1, 2] # flow\nl:\n    - a # item\n    # between\n    - b\n    # after\nm:\n    n: x # inline\n    # foot of n\n# top foot\n";
        TreeBranch branch = store.loadPlain(text.getBytes(StandardCharsets.UTF_8)).get(0);
        TreeBranch expected = new TreeBranch()
                .add(Comment.of(" head"), null)
                .add("k", List.of(Comment.of(" flow"), 1L, 2L))
                .add("l", List.of(new Comment(" item", true), "a", Comment.of(" between"), "b", Comment.of(" after")))
                .add("m", new TreeBranch().add(new Comment(" inline", true), null).add("n", "x").add(Comment.of(" foot of n"), null))
                .add(Comment.of(" top foot"), null);
        assertThat(branch).isEqualTo(expected);
        assertThat(new String(store.emitPlain(List.of(branch)), StandardCharsets.UTF_8)).isEqualTo(
                "# head\nk:\n    # flow\n    - 1\n    - 2\nl:\n    - a # item\n    # between\n    - b\n    # after\n"
                        + "m:\n    \"n\": x # inline\n    # foot of n\n# top foot\n");
    }

    @Test
    void metadataPlacement() {
        TreeBranch metadata = new TreeBranch().add("version", "3.13.2");
        List<TreeBranch> docs = List.of(new TreeBranch().add("a", 1L), new TreeBranch().add("b", 2L));
        String text = new String(store.emitEncrypted(docs, metadata), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("a: 1\nsops:\n    version: 3.13.2\n---\nb: 2\nsops:\n    version: 3.13.2\n");
        EncryptedDocument loaded = store.loadEncrypted(text.getBytes(StandardCharsets.UTF_8));
        assertThat(loaded.branches()).isEqualTo(docs);
        assertThat(loaded.metadata()).isEqualTo(metadata);
        assertThatThrownBy(() -> store.loadEncrypted("sops: {}\nsops: {}\n".getBytes()));
        assertThatThrownBy(() -> store.loadEncrypted("sops: 1\n".getBytes()))
                .hasMessage("Found sops entry that is not a mapping");
        assertThatThrownBy(() -> store.loadEncrypted("a: 1\n".getBytes())).isInstanceOf(FormatException.class)
                .hasMessage("sops metadata not found")
                .satisfies(e -> assertThat(((FormatException) e).exitCode()).isEqualTo(ExitCode.GENERIC));
        assertThat(store.hasSopsTopLevelKey(new TreeBranch().add("sops", new TreeBranch()))).isTrue();
        assertThat(store.hasSopsTopLevelKey(new TreeBranch().add("x", new TreeBranch().add("sops", 1L)))).isFalse();
    }

    @Test
    void emptyOutputsAndValues() {
        assertThat(store.emitPlain(List.of())).isEmpty();
        assertThat(new String(store.emitPlain(List.of(new TreeBranch())), StandardCharsets.UTF_8)).isEqualTo("{}\n");
        assertThat(new String(store.emitValue(5L), StandardCharsets.UTF_8)).isEqualTo("5\n");
        assertThat(new String(store.emitValue(List.of("a", 1L)), StandardCharsets.UTF_8)).isEqualTo("- a\n- 1\n");
        assertThat(new String(store.emitValue(new TreeBranch().add("a", new TreeBranch().add("b", 1L))), StandardCharsets.UTF_8))
                .isEqualTo("a:\n    b: 1\n");
        assertThat(new String(new YamlStore(2).emitPlain(List.of(new TreeBranch().add("a", List.of(new TreeBranch().add("b", 1L).add("c", new TreeBranch().add("d", 2L)))))),
                StandardCharsets.UTF_8)).isEqualTo("a:\n  - b: 1\n    c:\n      d: 2\n");
    }
}
