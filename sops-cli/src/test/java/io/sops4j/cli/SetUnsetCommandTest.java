package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetUnsetCommandTest {

    @TempDir
    Path dir;

    @Test
    void setStoresJsonNumbersAsFloatsObjectsWithIntsAndCreatesMissingKeys() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"a\": \"secret\", \"list\": [\"x\"]}");

        assertThat(cli.run("set", "s.json", "[\"n\"]", "5").exit()).isZero();
        assertThat(cli.run("set", "s.json", "[\"obj\"][\"deep\"]", "{\"i\": 7, \"s\": \"t\"}").exit()).isZero();
        assertThat(cli.run("set", "s.json", "[\"list\"][3]", "\"appended\"").exit()).isZero();

        String file = cli.read("s.json");
        assertThat(file).containsPattern("\"n\": \"ENC\\[[^\"]*type:float\\]\"")
                .containsPattern("\"i\": \"ENC\\[[^\"]*type:int\\]\"")
                .doesNotContain("appended");
        assertThat(cli.decrypt("s.json")).isEqualTo("""
                {
                \t"a": "secret",
                \t"list": [
                \t\t"x",
                \t\t"appended"
                \t],
                \t"n": 5,
                \t"obj": {
                \t\t"deep": {
                \t\t\t"i": 7,
                \t\t\t"s": "t"
                \t\t}
                \t}
                }
                """);
    }

    @Test
    void setReadsTheValueFromAFileOrStandardInput() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"a\": \"secret\"}");
        cli.write("value.json", "\"from file\"");

        assertThat(cli.run("set", "--value-file", "s.json", "[\"f\"]", "value.json").exit()).isZero();
        assertThat(cli.runWithInput("true", "set", "--value-stdin", "s.json", "[\"b\"]").exit()).isZero();

        assertThat(cli.decrypt("s.json")).contains("\"f\": \"from file\"", "\"b\": true");
    }

    @Test
    void setIdempotentDoesNotRewriteAnUnchangedValue() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"a\": \"secret\"}");
        String before = cli.read("s.json");

        assertThat(cli.run("set", "--idempotent", "s.json", "[\"a\"]", "\"secret\"").exit()).isZero();
        assertThat(cli.read("s.json")).isEqualTo(before);

        assertThat(cli.run("set", "s.json", "[\"a\"]", "\"secret\"").exit()).isZero();
        assertThat(cli.read("s.json")).isNotEqualTo(before);
    }

    @Test
    void setRejectsArraysInvalidJsonBadIndexesAndWrongArgumentCounts() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"a\": \"secret\"}");
        String before = cli.read("s.json");

        Cli.Result array = cli.run("set", "s.json", "[\"a\"]", "[1, 2]");
        assertThat(array.exit()).isEqualTo(7);
        assertThat(array.err()).contains("Invalid --set value format");
        assertThat(cli.run("set", "s.json", "[\"a\"]", "{not json").exit()).isEqualTo(7);
        assertThat(cli.run("set", "s.json", "a", "\"v\"").exit()).isEqualTo(7);
        assertThat(cli.run("set", "s.json", "[\"a\"]").exit()).isEqualTo(100);
        assertThat(cli.run("set", "missing.json", "[\"a\"]", "1").exit()).isEqualTo(100);
        assertThat(cli.read("s.json")).isEqualTo(before);
    }

    @Test
    void unsetRemovesKeysAndListElements() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"a\": \"secret\", \"list\": [\"x\", \"y\"], \"b\": {\"c\": 1}}");

        assertThat(cli.run("unset", "s.json", "[\"list\"][0]").exit()).isZero();
        assertThat(cli.run("unset", "s.json", "[\"b\"][\"c\"]").exit()).isZero();

        assertThat(cli.decrypt("s.json")).isEqualTo("{\n\t\"a\": \"secret\",\n\t\"list\": [\n\t\t\"y\"\n\t],\n\t\"b\": {}\n}\n");
    }

    @Test
    void unsetOfAMissingKeyFailsUnlessIdempotent() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"a\": \"secret\", \"list\": [\"x\"]}");
        String before = cli.read("s.json");

        Cli.Result missing = cli.run("unset", "s.json", "[\"nope\"]");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("s.json", "Key not found: nope");
        Cli.Result outOfBounds = cli.run("unset", "s.json", "[\"list\"][4]");
        assertThat(outOfBounds.err()).contains("Index 4 out of bounds");

        assertThat(cli.run("unset", "--idempotent", "s.json", "[\"nope\"]").exit()).isZero();
        assertThat(cli.read("s.json")).isEqualTo(before);
    }

    @Test
    void legacySetForm() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"a\": \"secret\"}");
        Cli.Result result = cli.run("--set", "[\"a\"] \"legacy\"", "s.json");
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(cli.decrypt("s.json")).contains("\"a\": \"legacy\"");
    }

    @Test
    void aDeeplyNestedValueIsSetOrRefusedWithTheDepthLimitWhateverTheStack() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"a\": \"secret\"}");
        cli.write("deep.json", "{\"d\": ".repeat(9_000) + "1" + "}".repeat(9_000));
        cli.write("deeper.json", "{\"d\": ".repeat(20_000) + "1" + "}".repeat(20_000));

        Cli.Result deep = cli.run("set", "--value-file", "s.json", "[\"v\"]", "deep.json");
        Cli.Result deeper = cli.run("set", "--value-file", "s.json", "[\"w\"]", "deeper.json");

        assertThat(deeper.err()).contains("exceeded max depth of 10000")
                .doesNotContain("StackOverflowError", "java.", "\tat ");
        assertThat(deeper.exit()).isEqualTo(7);
        assertThat(deep.exit()).as(deep.err()).isZero();
        assertThat(cli.run("decrypt", "--extract", "[\"a\"]", "s.json").out()).isEqualTo("secret");
    }
}
