package io.sops4j.internal.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.error.ExitCode;
import io.sops4j.error.FormatException;
import io.sops4j.error.SopsException;
import io.sops4j.tree.Comment;
import io.sops4j.tree.TreeBranch;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonStoreTest {

    private final JsonStore store = new JsonStore(-1);

    private TreeBranch load(String json) {
        return store.loadPlain(json.getBytes(StandardCharsets.UTF_8)).get(0);
    }

    private String emit(TreeBranch branch) {
        return new String(store.emitPlain(List.of(branch)), StandardCharsets.UTF_8);
    }

    private String loadError(String json) {
        return loadError(json.getBytes(StandardCharsets.UTF_8));
    }

    private String loadError(byte[] json) {
        try {
            store.loadPlain(json);
        } catch (FormatException e) {
            assertThat(e.getMessage()).startsWith("Could not unmarshal input data: ").matches("(?s).* \\(line [0-9]+\\)");
            return e.getMessage().substring("Could not unmarshal input data: ".length()).replaceFirst(" \\(line [0-9]+\\)$", "");
        }
        throw new AssertionError("loaded without error");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0|java.lang.Long",
        "-0|0|java.lang.Long",
        "9223372036854775807|9223372036854775807|java.lang.Long",
        "9223372036854775808|9223372036854776000|java.lang.Double",
        "1.0|1|java.lang.Double",
        "1e3|1000|java.lang.Double",
        "-0.5|-0.5|java.lang.Double",
        "1E-7|1e-7|java.lang.Double",
        "1e21|1e+21|java.lang.Double",
        "-0.0|-0|java.lang.Double",
        "123456789012345678901234567890|1.2345678901234568e+29|java.lang.Double",
    })
    void numbersAreInt64OrFloat64AndWrittenAsGo(String literal, String written, String type) throws Exception {
        TreeBranch branch = load("{\"n\": " + literal + "}");

        assertThat(branch.get("n").orElseThrow()).isInstanceOf(Class.forName(type));
        assertThat(emit(branch)).isEqualTo("{\n\t\"n\": " + written + "\n}\n");
    }

    @Test
    void numberBeyondFloat64IsAnError() {
        assertThat(loadError("{\"n\": 1e400}")).isEqualTo("strconv.ParseFloat: number literal: value out of range");
    }

    @Test
    void orderAndRepeatedKeysAreKept() {
        TreeBranch branch = load("{\"b\": 1, \"a\": 2, \"b\": [true, false, null], \"c\": {}}");

        assertThat(branch.items()).extracting(item -> item.key()).containsExactly("b", "a", "b", "c");
        assertThat(emit(branch)).isEqualTo("{\n\t\"b\": 1,\n\t\"a\": 2,\n\t\"b\": [\n\t\ttrue,\n\t\tfalse,\n\t\tnull\n\t],\n\t\"c\": {}\n}\n");
    }

    @Test
    void stringsAreEscapedAsGoMarshalDoes() {
        String value = "q\" b\\ n\n r\r t\t bs\b ff\f nul\u0000 us\u001f del\u007f <a&b> \u2028\u2029 é 😀 /";
        TreeBranch branch = new TreeBranch().add("k<", value);

        assertThat(emit(branch)).isEqualTo("{\n\t\"k\\u003c\": \"q\\\" b\\\\ n\\n r\\r t\\t bs\\b ff\\f nul\\u0000 us\\u001f del\u007f "
                + "\\u003ca\\u0026b\\u003e \\u2028\\u2029 é 😀 /\"\n}\n");
        assertThat(load(emit(branch)).get("k<")).contains(value);
    }

    @Test
    void loneSurrogatesAreWrittenAsReplacementCharacter() {
        assertThat(emit(new TreeBranch().add("k", "a\ud800b"))).isEqualTo("{\n\t\"k\": \"a\\ufffdb\"\n}\n");
    }

    @Test
    void escapesAreDecoded() {
        TreeBranch branch = load("{\"k\": \"\\u00e9\\ud83d\\ude00\\/\\b\\f\\n\\r\\t\\\"\\\\\", \"bad\": \"\\ud800x\\udc00\"}");

        assertThat(branch.get("k")).contains("é😀/\b\f\n\r\t\"\\");
        assertThat(branch.get("bad")).contains("\ufffdx\ufffd");
    }

    @Test
    void invalidUtf8IsRefusedRatherThanReplacedAsGoWould() {
        byte[] json = {'{', '"', 'k', '"', ':', '"', 'a', (byte) 0xff, (byte) 0xe2, (byte) 0x82, 'b',
                (byte) 0xed, (byte) 0xa0, (byte) 0x80, (byte) 0xc3, (byte) 0xa9, '"', '}'};

        assertThatThrownBy(() -> store.loadPlain(json)).isInstanceOf(FormatException.class)
                .hasMessageContaining("invalid UTF-8 on line 1");
    }

    /** Bytes that are UTF-8 are written as the string they are; others are refused (see {@code NonUtf8InputTest}). */
    @Test
    void otherScalarsAreWrittenAsGoMarshalDoes() {
        TreeBranch branch = new TreeBranch()
                .add("time", OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 120_000_000, ZoneOffset.ofHoursMinutes(7, 6)))
                .add("bytes", new byte[] {'o', 'k', 1, (byte) 0xc3, (byte) 0xa9})
                .add(Comment.of(" hidden"), null)
                .add("list", new ArrayList<>(Arrays.asList(Comment.of("x"), 1L, Comment.of("y"))))
                .add("empty", new ArrayList<>(List.of(Comment.of("only"))));

        assertThat(emit(branch)).isEqualTo("{\n\t\"time\": \"2024-01-02T03:04:05.12+07:06\",\n\t\"bytes\": \"ok\\u0001\u00e9\",\n"
                + "\t\"list\": [\n\t\t1\n\t],\n\t\"empty\": []\n}\n");
    }

    @Test
    void indentSettings() {
        TreeBranch branch = new TreeBranch().add("a", new TreeBranch().add("b", 1L));

        assertThat(new String(new JsonStore(0).emitPlain(List.of(branch)), StandardCharsets.UTF_8))
                .isEqualTo("{\n\"a\": {\n\"b\": 1\n}\n}\n");
        assertThat(new String(new JsonStore(4).emitPlain(List.of(branch)), StandardCharsets.UTF_8))
                .isEqualTo("{\n    \"a\": {\n        \"b\": 1\n    }\n}\n");
        assertThatThrownBy(() -> new JsonStore(-2).emitPlain(List.of(branch)))
                .isInstanceOf(SopsException.class)
                .hasMessage("Error marshaling to json: JSON Indentation parameter smaller than -1 is not accepted");
    }

    @Test
    void emitValueIsIndentedWithoutNewline() {
        assertThat(new String(store.emitValue(new TreeBranch().add("a", List.of(1L))), StandardCharsets.UTF_8))
                .isEqualTo("{\n\t\"a\": [\n\t\t1\n\t]\n}");
        assertThat(new String(store.emitValue("x<"), StandardCharsets.UTF_8)).isEqualTo("\"x\\u003c\"");
        assertThat(new String(store.emitValue(null), StandardCharsets.UTF_8)).isEqualTo("null");
        assertThat(new String(store.emitValue(2.5), StandardCharsets.UTF_8)).isEqualTo("2.5");
    }

    @Test
    void nonFiniteFloatsCannotBeWritten() {
        TreeBranch branch = new TreeBranch().add("a", new TreeBranch().add("b", Double.NaN));

        assertThatThrownBy(() -> emit(branch))
                .isInstanceOf(SopsException.class)
                .hasMessage("Error marshaling to json: Error encoding value : Error encoding value : json: unsupported value: NaN")
                .satisfies(e -> assertThat(((SopsException) e).exitCode()).isEqualTo(ExitCode.ERROR_DUMPING_TREE));
        assertThatThrownBy(() -> store.emitValue(List.of(Double.NEGATIVE_INFINITY)))
                .hasMessage("json: unsupported value: -Inf");
    }

    @Test
    void encryptedFileHasMetadataLast() {
        TreeBranch metadata = new TreeBranch().add("mac", "ENC[m]").add("version", "3.13.2");
        TreeBranch document = new TreeBranch().add("a", "ENC[a]");

        byte[] file = store.emitEncrypted(List.of(document), metadata);

        assertThat(new String(file, StandardCharsets.UTF_8)).isEqualTo(
                "{\n\t\"a\": \"ENC[a]\",\n\t\"sops\": {\n\t\t\"mac\": \"ENC[m]\",\n\t\t\"version\": \"3.13.2\"\n\t}\n}\n");
        assertThat(document.size()).isEqualTo(1);
        var loaded = store.loadEncrypted(file);
        assertThat(loaded.branches()).containsExactly(document);
        assertThat(loaded.metadata()).isEqualTo(metadata);
    }

    @Test
    void dataWithSopsKeyCannotBeWrittenEncrypted() {
        TreeBranch document = new TreeBranch().add("sops", "mine");

        assertThat(store.hasSopsTopLevelKey(document)).isTrue();
        assertThat(store.hasSopsTopLevelKey(new TreeBranch().add("a", new TreeBranch().add("sops", 1L)))).isFalse();
        assertThatThrownBy(() -> store.emitEncrypted(List.of(document), new TreeBranch().add("version", "3.13.2")))
                .isInstanceOf(SopsException.class)
                .hasMessage("Error marshaling metadata: Found key \"sops\" in encrypted data, which is a reserved key used for SOPS metadata");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\": 1}|sops metadata not found",
        "{\"a\": 1, \"sops\": {}}|sops metadata not found",
        "{\"sops\": null}|Found sops entry that is not a mapping",
        "{\"sops\": [1]}|Found sops entry that is not a mapping",
        "{\"sops\": {\"a\": 1}, \"sops\": {\"a\": 1}}|Found duplicate sops entry",
    })
    void metadataProblems(String json, String message) {
        assertThatThrownBy(() -> store.loadEncrypted(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FormatException.class)
                .hasMessage(message);
    }

    @Test
    void topLevelMustBeAnObject() {
        String prefix = "SOPS only supports JSON files with a top-level object (starting with '{'), not other JSON types. Got ";
        assertThat(loadError(" \"a\\n\" ")).isEqualTo(prefix + "a value of type string instead");
        assertThat(loadError("1.5")).isEqualTo(prefix + "a value of type float64 instead");
        assertThat(loadError("7")).isEqualTo(prefix + "a value of type int instead");
        assertThat(loadError("true")).isEqualTo(prefix + "a value of type bool instead");
        assertThat(loadError("null")).isEqualTo(prefix + "<nil> of type <nil> instead");
        assertThat(loadError("1e999")).isEqualTo(prefix + "a value of type json.Number instead");
        assertThat(loadError("]")).isEqualTo("invalid character ']' looking for beginning of value");
        assertThat(loadError(" \t\n")).isEqualTo("EOF");
    }

    @Test
    void inputThatEndsEarlyIsTreatedAsUpstreamTreatsIt() {
        assertThat(load("{\"a\": 1, \"b\"")).isEqualTo(new TreeBranch().add("a", 1L));
        assertThat(load("{\"a\": 1, \"b\": [1, [2")).isEqualTo(new TreeBranch().add("a", 1L));
        assertThat(load("{\"a\": [{\"x\": 1, \"y\"")).isEqualTo(new TreeBranch());
        assertThat(load("{\"a\": 1} trailing")).isEqualTo(new TreeBranch().add("a", 1L));
        String missingKey = "Expected JSON object key, got %!s(<nil>) of type <nil> instead";
        assertThat(loadError("{")).isEqualTo(missingKey);
        assertThat(loadError("{\"a\": 1")).isEqualTo(missingKey);
        assertThat(loadError("{\"a\": {\"b\"")).isEqualTo(missingKey);
        assertThat(loadError("{\"a\": \"abc")).isEqualTo("unexpected EOF");
        assertThat(loadError("{\"a\": tr")).isEqualTo("unexpected EOF");
        assertThat(loadError("{\"a\": -")).isEqualTo("unexpected EOF");
    }

    /** Upstream's words for an encrypted file that does not parse, without the value where it broke. */
    @Test
    void anEncryptedFileThatDoesNotParseIsNamedAsUpstreamNamesIt() {
        String broken = "{\"pw\": \"TOPSECRET\" \"sops\": {\"version\": \"3.13.2\"}}";
        assertThatThrownBy(() -> store.loadEncrypted(utf8(broken)))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("Error unmarshalling input json: ")
                .hasMessageNotContaining("TOPSECRET");
        assertThatThrownBy(() -> store.loadPlain(utf8(broken)))
                .hasMessageStartingWith("Could not unmarshal input data: ")
                .hasMessageNotContaining("TOPSECRET");
    }

    /** Upstream runs Go's {@code json.Unmarshal} on an encrypted file before reading it. */
    @Test
    void anEncryptedFileMustBeOneWholeObject() {
        String encrypted = "{\"a\": \"ENC[AES256_GCM,data:x,iv:y,tag:z,type:str]\", \"sops\": {\"version\": \"3.13.2\"}}";
        assertThat(store.loadEncrypted(utf8(encrypted + " \n\t")).branches()).hasSize(1);
        assertThatThrownBy(() -> store.loadEncrypted(utf8(encrypted + "\n garbage")))
                .isInstanceOf(FormatException.class)
                .hasMessage("Error unmarshalling input json: invalid character 'g' after top-level value (line 2)");
        assertThatThrownBy(() -> store.loadEncrypted(utf8(encrypted + "{}")))
                .hasMessageContaining("invalid character '{' after top-level value");
        assertThatThrownBy(() -> store.loadEncrypted(utf8(encrypted.substring(0, encrypted.length() - 1))))
                .hasMessageContaining("unexpected end of JSON input");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void syntaxErrorsUseGoTexts() {
        assertThat(loadError("{\"a\": 1,}")).isEqualTo("invalid character '}' looking for beginning of object key string");
        assertThat(loadError("{\"a\" 1}")).isEqualTo("invalid character '1' after object key");
        assertThat(loadError("{\"a\": 1 \"b\": 2}")).isEqualTo("invalid character '\"' after object key:value pair");
        assertThat(loadError("{\"a\": [1 2]}")).isEqualTo("invalid character '2' after array element");
        assertThat(loadError("{\"a\": [1,]}")).isEqualTo("invalid character ']' looking for beginning of value");
        assertThat(loadError("{1: 2}")).isEqualTo("invalid character '1'");
        assertThat(loadError("{\"a\": x}")).isEqualTo("invalid character 'x' looking for beginning of value");
        assertThat(loadError("{\"a\": trUe}")).isEqualTo("invalid character 'U' in literal true (expecting 'u')");
        assertThat(loadError("{\"a\": 01}")).isEqualTo("invalid character '1' after object key:value pair");
        assertThat(loadError("{\"a\": 1.}")).isEqualTo("invalid character '}' after decimal point in numeric literal");
        assertThat(loadError("{\"a\": 1e}")).isEqualTo("invalid character '}' in exponent of numeric literal");
        assertThat(loadError("{\"a\": \"\\x\"}")).isEqualTo("invalid character 'x' in string escape code");
        assertThat(loadError("{\"a\": \"\\u12g4\"}")).isEqualTo("invalid character 'g' in \\u hexadecimal character escape");
        assertThat(loadError("{\"a\": \"\n\"}")).isEqualTo("invalid character '\\n' in string literal");
        assertThat(loadError("{\"a\": '1'}")).isEqualTo("invalid character '\\'' looking for beginning of value");
        assertThat(loadError(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '}'}))
                .isEqualTo("invalid character 'ï' looking for beginning of value");
    }

    @Test
    void deepNestingDoesNotExhaustTheStackAndStopsAtTenThousandLevels() {
        int depth = 9_999;
        String json = "{\"a\": " + "[".repeat(depth) + "]".repeat(depth) + "}";

        Object value = load(json).get("a").orElseThrow();
        for (int i = 1; i < depth; i++) {
            value = ((List<?>) value).get(0);
        }
        assertThat((List<?>) value).isEmpty();
        assertThatThrownBy(() -> load("{\"a\": " + "[".repeat(depth + 1) + "]".repeat(depth + 1) + "}"))
                .isInstanceOf(FormatException.class)
                .hasMessage("Could not unmarshal input data: exceeded max depth of 10000 (line 1)");
    }
}
