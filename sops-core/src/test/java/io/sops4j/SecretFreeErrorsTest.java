package io.sops4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sops4j.error.ExitCode;
import io.sops4j.error.FormatException;
import io.sops4j.error.SopsException;
import io.sops4j.format.Format;
import io.sops4j.keys.age.AgeKeys;
import io.sops4j.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed plaintext with a secret in it: encryption fails with a typed error that names the
 * cause, the key path and the line where known, and neither the message nor any message of its
 * cause chain repeats the secret or a piece of it.
 */
class SecretFreeErrorsTest {

    /** Longer than ten characters, so that a message quoting a shortened value is caught too. */
    static final String CANARY = "Qz7Xw4Vk9Pm2Jt";
    static final String DIGITS = "73915804629";

    @TempDir
    Path home;

    static Stream<Arguments> malformedPlaintexts() {
        List<Arguments> cases = new ArrayList<>();
        for (String yaml : List.of(
                "pw: !!int CANARY\n",
                "pw: !!float CANARY\n",
                "pw: !!bool CANARY\n",
                "pw: !!timestamp CANARY\n",
                "pw: !!binary CANARY!!\n",
                "pw: !!int 0xCANARY\n",
                "a:\n  pw: !!int CANARY\n",
                "list:\n  - !!float CANARY\n",
                "pw: \"CANARY\n",
                "pw: 'CANARY\n",
                "pw: \"\\qCANARY\"\n",
                "pw: CANARY: x\n",
                "pw: [CANARY\n",
                "pw: {CANARY\n",
                "pw: CANARY\n  bad: indent\n",
                "pw:\n\tCANARY\n",
                "pw: @CANARY\n",
                "pw: `CANARY\n",
                "pw: %CANARY\n",
                "- CANARY\n",
                "CANARY\n",
                "pw: CANARY\n---\n- CANARY\n",
                "pw: CANARY\n---\nCANARY\n",
                "pw: |\n  CANARY\n x: [\n",
                "pw: >\n  CANARY\n\t\n",
                "pw: !<tag:yaml.org,2002:int> CANARY\n",
                "pw: !!int \"CANARY\"\n",
                "pw: &a !!int CANARY\nx: *a\n",
                "pw: CANARY\n...\nCANARY: [\n",
                "pw: !!float DIGITSx\n",
                "pw: !!int DIGITS.5\n",
                "DIGITS\n",
                "!!int CANARY\n",
                "\"CANARY\"\n",
                "!!binary CANARY\n")) {
            cases.add(Arguments.of(Format.YAML, yaml));
        }
        for (String json : List.of(
                "{\"pw\": \"CANARY}",
                "{\"pw\": CANARY}",
                "{\"pw\": \"CANARY\" \"x\"}",
                "{\"pw\": \"CANARY\\q\"}",
                "{\"pw\": \"\\uZZZZCANARY\"}",
                "{\"pw\": \"CANARY\",}",
                "{\"pw\": \"CANARY\"",
                "{\"pw\": tru CANARY}",
                "{\"pw\": 1CANARY}",
                "{\"pw\": -CANARY}",
                "{\"pw\": [\"CANARY\" 1]}",
                "{\"pw\": {\"x\": \"CANARY\" 1}}",
                "{\"pw\": \"CAN\u0001ARY\"}",
                "[\"CANARY\"]",
                "\"CANARY\"",
                "CANARY",
                "{CANARY: 1}",
                "{\"pw\": DIGITSe999}",
                "DIGITS",
                "DIGITSe999",
                "-DIGITS.5",
                "{\"pw\": DIGITS.x}")) {
            cases.add(Arguments.of(Format.JSON, json));
        }
        for (String dotenv : List.of(
                "CANARY\n",
                "A=1\nCANARY\n",
                "A=1\n CANARY \n")) {
            cases.add(Arguments.of(Format.DOTENV, dotenv));
        }
        for (String ini : List.of(
                "[CANARY\n",
                "[s]\nCANARY\n",
                "[s]\npw = \"\"\"CANARY\n",
                "[s]\npw = `CANARY\n",
                "CANARY\n",
                "[s]\n= CANARY\n")) {
            cases.add(Arguments.of(Format.INI, ini));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("malformedPlaintexts")
    void encryptionErrorsNeverRepeatTheSecret(Format format, String template) {
        byte[] plaintext = template.replace("CANARY", CANARY).replace("DIGITS", DIGITS).getBytes(StandardCharsets.UTF_8);
        Sops sops = Sops.builder().environment(TestKeys.age(home)).build();
        EncryptionOptions options = EncryptionOptions.withKeys(AgeKeys.keySource().fromIdentifier(TestKeys.AGE_RECIPIENT));

        Throwable error = catchThrowable(() -> sops.encrypt(plaintext, format, options));

        assertThat(error).as("error type").isInstanceOf(SopsException.class);
        List<String> texts = new ArrayList<>(List.of(((SopsException) error).describe()));
        for (Throwable t = error; t != null; t = t.getCause()) {
            texts.add(String.valueOf(t.getMessage()));
        }
        for (String text : texts) {
            for (String secret : List.of(CANARY, DIGITS)) {
                for (int i = 0; i + 4 <= secret.length(); i++) {
                    assertThat(text).as("error text").doesNotContain(secret.substring(i, i + 4));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("placedErrors")
    void errorsNameTheKeyPathAndLine(Format format, String template, String keyPath, String line) {
        byte[] plaintext = template.replace("CANARY", CANARY).getBytes(StandardCharsets.UTF_8);
        Sops sops = Sops.builder().environment(TestKeys.age(home)).build();
        EncryptionOptions options = EncryptionOptions.withKeys(AgeKeys.keySource().fromIdentifier(TestKeys.AGE_RECIPIENT));

        Throwable error = catchThrowable(() -> sops.encrypt(plaintext, format, options));

        assertThat(error).isInstanceOf(FormatException.class);
        SopsException sopsError = (SopsException) error;
        assertThat(sopsError.exitCode()).isEqualTo(ExitCode.COULD_NOT_READ_INPUT_FILE);
        assertThat(sopsError.keyPath()).isEqualTo(keyPath);
        assertThat(sopsError.describe()).contains(line).contains("(at key '" + keyPath + "')").doesNotContain(CANARY);
    }

    static Stream<Arguments> placedErrors() {
        return Stream.of(
                Arguments.of(Format.YAML, "a: 1\nb:\n  c:\n    pw: !!int CANARY\n", "b:c:pw", "line 4: cannot decode !!str as a !!int"),
                Arguments.of(Format.YAML, "list:\n  - x\n  - !!float CANARY\n", "list", "line 3: cannot decode !!str as a !!float"),
                Arguments.of(Format.YAML, "a:\n  pw: &x !!bool CANARY\nb: *x\n", "a:pw", "line 2: cannot decode !!str as a !!bool"),
                Arguments.of(Format.JSON, "{\"a\": 1,\n \"b\": {\"pw\": CANARY}}", "b:pw",
                        "invalid character 'Q' looking for beginning of value (line 2)"),
                Arguments.of(Format.JSON, "{\"a\": [1,\n {\"pw\": \"CANARY\\q\"}]}", "a:pw",
                        "invalid character 'q' in string escape code (line 2)"));
    }
}
