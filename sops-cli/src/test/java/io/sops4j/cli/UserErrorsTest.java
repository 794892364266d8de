package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mistakes a user can make on the command line, run as processes: each fails with upstream's exit
 * code and a sentence to act on (no Java class name, no stack trace, no secret value), before any
 * file is written; where upstream accepts the input, the outcome is upstream's.
 */
class UserErrorsTest {

    private static final String PLAINTEXT = "password: Qz7Xw4Vk9Pm2Jt\nuser: admin\n";

    @TempDir
    Path dir;

    private Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(dir);
    }

    private static void assertNoJavaInternals(Cli.Result result) {
        assertThat(result.err()).doesNotContain("java.", "Exception", "\tat ", "Qz7Xw4Vk9Pm2Jt");
    }

    @Test
    void negativeIndentFailsWhenWritingWithExit4() {
        cli.write("p.yaml", PLAINTEXT);
        Cli.Result encrypt = cli.run("--indent", "-5", "encrypt", "--age", Cli.AGE_RECIPIENT, "p.yaml");
        cli.encrypted("e.yaml", PLAINTEXT);
        Cli.Result decrypt = cli.run("--indent", "-5", "decrypt", "e.yaml");

        assertThat(encrypt.exit()).isEqualTo(4);
        assertThat(encrypt.err()).isEqualTo("p.yaml: Could not marshal tree: YAML Negative indentation not accepted\n");
        assertThat(encrypt.out()).isEmpty();
        assertThat(decrypt.exit()).isEqualTo(4);
        assertThat(decrypt.err()).isEqualTo("e.yaml: Error dumping file: YAML Negative indentation not accepted\n");
        assertThat(decrypt.out()).isEmpty();
    }

    @Test
    void explicitZeroIndentIsNotTheDefault() {
        cli.write("p.json", "{\"a\": {\"b\": 1}}");
        cli.run("encrypt", "-i", "--age", Cli.AGE_RECIPIENT, "p.json");

        assertThat(cli.run("--indent", "0", "decrypt", "p.json").out()).isEqualTo("{\n\"a\": {\n\"b\": 1\n}\n}\n");
        assertThat(cli.run("decrypt", "p.json").out()).isEqualTo("{\n\t\"a\": {\n\t\t\"b\": 1\n\t}\n}\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"encrypt", "decrypt", "rotate", "filestatus", "exec-env", "set", "edit"})
    void directoryAsTheFileFailsReadingWithExit2(String command) throws IOException {
        Files.createDirectory(dir.resolve("d.yaml"));
        Cli.Result result = switch (command) {
            case "encrypt" -> cli.run("encrypt", "--age", Cli.AGE_RECIPIENT, "d.yaml");
            case "exec-env" -> cli.run("exec-env", "d.yaml", "true");
            case "set" -> cli.run("set", "d.yaml", "[\"a\"]", "1");
            default -> cli.run(command, "d.yaml");
        };

        assertThat(result.exit()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).startsWith("d.yaml: Error reading file: ");
        assertNoJavaInternals(result);
    }

    @Test
    void negativeShamirThresholdIsAcceptedAsUpstream() {
        cli.write("p.yaml", PLAINTEXT);
        Cli.Result result = cli.run("encrypt", "-i", "--shamir-secret-sharing-threshold", "-3", "--age", Cli.AGE_RECIPIENT,
                "p.yaml");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(cli.read("p.yaml")).contains("    shamir_threshold: -3\n");
        assertThat(cli.decrypt("p.yaml")).isEqualTo(PLAINTEXT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--input-type", "--output-type"})
    void unknownFileTypeIsAUsageErrorAndNothingIsWritten(String flag) {
        cli.write("p.yaml", PLAINTEXT);
        Cli.Result result = cli.run("encrypt", "-i", flag, "yml", "--age", Cli.AGE_RECIPIENT, "p.yaml");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Invalid value for option '" + flag + "': 'yml' is not a file type "
                + "(expected yaml, json, dotenv, ini or binary)\n");
        assertThat(cli.read("p.yaml")).isEqualTo(PLAINTEXT);
    }

    @Test
    void invalidRegexFlagsFailBeforeAnythingIsWritten() {
        cli.write("p.yaml", PLAINTEXT);
        Cli.Result encrypted = cli.run("encrypt", "-i", "--encrypted-regex", "(", "--age", Cli.AGE_RECIPIENT, "p.yaml");
        Cli.Result unencrypted = cli.run("encrypt", "-i", "--unencrypted-regex", "[a", "--age", Cli.AGE_RECIPIENT, "p.yaml");
        Cli.Result comment = cli.run("--encrypted-comment-regex", "(?=x)", "encrypt", "-i", "--age", Cli.AGE_RECIPIENT,
                "p.yaml");
        Cli.Result unencryptedComment = cli.run("--unencrypted-comment-regex", "\\1", "encrypt", "-i", "--age",
                Cli.AGE_RECIPIENT, "p.yaml");

        assertThat(encrypted.exit()).isEqualTo(1);
        assertThat(encrypted.err()).isEqualTo("p.yaml: invalid encrypted_regex: error parsing regexp: missing closing ): `(`\n");
        assertThat(unencrypted.err()).contains("invalid unencrypted_regex: error parsing regexp: missing closing ]: `[a`");
        assertThat(comment.err()).contains("invalid encrypted_comment_regex: error parsing regexp: invalid or unsupported Perl syntax");
        assertThat(unencryptedComment.err()).contains("invalid unencrypted_comment_regex: error parsing regexp: invalid escape");
        assertThat(cli.read("p.yaml")).isEqualTo(PLAINTEXT);
    }

    @Test
    void invalidRegexInACreationRuleFailsBeforeAnythingIsWritten() {
        cli.write(".sops.yaml", "creation_rules:\n  - age: " + Cli.AGE_RECIPIENT + "\n    encrypted_regex: \"^(password\"\n");
        cli.write("p.yaml", PLAINTEXT);
        Cli.Result result = cli.run("encrypt", "-i", "p.yaml");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains(".sops.yaml: error loading config: invalid encrypted_regex: error parsing regexp: "
                + "missing closing ): `^(password`");
        assertThat(cli.read("p.yaml")).isEqualTo(PLAINTEXT);
    }

    @Test
    void ignoredMacMismatchIsReportedOnStandardError() {
        cli.encrypted("s.yaml", "password: Qz7Xw4Vk9Pm2Jt\nport_unencrypted: 5432\n");
        cli.write("s.yaml", cli.read("s.yaml").replace("port_unencrypted: 5432", "port_unencrypted: 5433"));

        Cli.Result checked = cli.run("decrypt", "s.yaml");
        Cli.Result ignored = cli.run("decrypt", "--ignore-mac", "s.yaml");

        assertThat(checked.exit()).isEqualTo(51);
        assertThat(ignored.exit()).as(ignored.err()).isZero();
        assertThat(ignored.out()).isEqualTo("password: Qz7Xw4Vk9Pm2Jt\nport_unencrypted: 5433\n");
        assertThat(ignored.err()).isEqualTo("Warning: s.yaml: MAC mismatch: the values do not match the file's MAC "
                + "(tampered or reordered) (ignored: --ignore-mac)\n");
        assertThat(cli.run("decrypt", "--ignore-mac", "s.yaml").err()).doesNotContain("Qz7Xw4Vk9Pm2Jt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"test_no_keygroups.yaml", "test_zero_keygroups.yaml", "test_empty_keygroup.yaml"})
    void creationRulesWithoutKeysFailInUpstreamWords(String name) throws IOException {
        Path upstreamConfig = Path.of(System.getProperty("user.dir")).getParent().getParent()
                .resolve("shared/testdata/upstream-sops/functional-tests/.sops.yaml");
        cli.write(".sops.yaml", Files.readString(upstreamConfig));
        cli.write(name, "a: secret\n");

        Cli.Result result = cli.run("encrypt", "-i", name);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Could not generate data key: [empty key group provided]\n");
        assertThat(cli.read(name)).isEqualTo("a: secret\n");
    }

    @Test
    void extractedStringIsPrintedWithoutALineBreakTheFileDoesNotHave() {
        cli.encrypted("multiline.yaml", "multiline: |\n  multi\n  line");

        Cli.Result result = cli.run("decrypt", "--extract", "[\"multiline\"]", "multiline.yaml");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("multi\nline");
    }

    @Test
    void malformedPlaintextAndSetValuesNeverEchoTheSecret() {
        cli.write("tagged.yaml", "db:\n  password: !!int Qz7Xw4Vk9Pm2Jt\n");
        cli.write("top.json", "\"Qz7Xw4Vk9Pm2Jt\"");
        cli.encrypted("s.yaml", "a: 1\n");

        Cli.Result tagged = cli.run("encrypt", "--age", Cli.AGE_RECIPIENT, "tagged.yaml");
        Cli.Result top = cli.run("encrypt", "--age", Cli.AGE_RECIPIENT, "top.json");
        Cli.Result set = cli.run("set", "s.yaml", "[\"b\"]", "{\"x\": Qz7Xw4Vk9Pm2Jt}");

        assertThat(tagged.exit()).isEqualTo(2);
        assertThat(tagged.err()).isEqualTo("tagged.yaml: Error unmarshalling file: Error unmarshaling input YAML: yaml: line 2: "
                + "cannot decode !!str as a !!int (at key 'db:password')\n");
        assertThat(top.exit()).isEqualTo(2);
        assertThat(set.exit()).isEqualTo(7);
        for (Cli.Result result : new Cli.Result[] {tagged, top, set}) {
            assertNoJavaInternals(result);
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void bytesThatAreNotUtf8AreNotWrittenAsJson() throws IOException {
        byte[] plain = "OK=fine\nA=caf\u00e9\nB_unencrypted=\u00e9t\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("x.env"), plain);
        Cli.Result toJson = cli.run("encrypt", "--output-type", "json", "--age", Cli.AGE_RECIPIENT, "x.env");
        Cli.Result encrypted = cli.run("encrypt", "-i", "--age", Cli.AGE_RECIPIENT, "x.env");
        Cli.Result decryptedJson = cli.run("decrypt", "--output-type", "json", "x.env");
        Cli.Result decryptedYaml = cli.run("decrypt", "--output-type", "yaml", "x.env");

        assertThat(toJson.exit()).isEqualTo(4);
        assertThat(toJson.err()).isEqualTo("x.env: Could not marshal tree: Error marshaling to json: Error encoding value : "
                + "the value is not valid UTF-8, which JSON text cannot hold without changing it; write it as dotenv, "
                + "INI or YAML instead (at key 'B_unencrypted')\n");
        assertThat(toJson.out()).isEmpty();
        assertThat(encrypted.exit()).as(encrypted.err()).isZero();
        assertThat(decryptedJson.exit()).isEqualTo(4);
        assertThat(decryptedJson.err()).startsWith("x.env: Error dumping file: Error marshaling to json: ")
                .endsWith(" (at key 'A')\n");
        assertThat(decryptedJson.out()).isEmpty();
        assertThat(decryptedYaml.exit()).as(decryptedYaml.err()).isZero();
        assertThat(decryptedYaml.out()).isEqualTo("OK: fine\nA: !!binary Y2Fm6Q==\nB_unencrypted: !!binary 6XTp\n");
    }
}
