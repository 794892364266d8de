package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A huge {@code --indent} fails at once with a clear error instead of exhausting memory. */
class IndentLimitTest {

    @TempDir
    Path dir;

    @Test
    void hugeJsonIndentationIsRefusedBeforeAnythingIsWritten() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.json", "{\"a\": {\"b\": \"secret\"}}");
        cli.write("p.json", "{\"a\": \"plain\"}");
        for (String indent : new String[] {"2147483647", "999999999", "65"}) {
            Cli.Result decrypted = cli.run("--indent", indent, "decrypt", "s.json");
            assertThat(decrypted.exit()).as(indent).isEqualTo(4);
            assertThat(decrypted.out()).isEmpty();
            assertThat(decrypted.err()).contains("JSON Indentation parameter larger than 64 is not accepted")
                    .doesNotContain("secret", "Exception", "\tat ");
            Cli.Result encrypted = cli.run("--indent", indent, "encrypt", "--age", Cli.AGE_RECIPIENT, "p.json");
            assertThat(encrypted.exit()).as(indent).isEqualTo(4);
            assertThat(encrypted.err()).contains("JSON Indentation parameter larger than 64 is not accepted");
        }
        assertThat(cli.run("--indent", "64", "decrypt", "s.json").out())
                .isEqualTo("{\n" + " ".repeat(64) + "\"a\": {\n" + " ".repeat(128) + "\"b\": \"secret\"\n" + " ".repeat(64) + "}\n}\n");
    }

    @Test
    void yamlIndentationOutsideTwoToNineIsTwoAsInYamlV3() {
        Cli cli = new Cli(dir);
        cli.encrypted("s.yaml", "a:\n    b: secret\n");
        Cli.Result decrypted = cli.run("--indent", "2147483647", "decrypt", "s.yaml");
        assertThat(decrypted.exit()).as(decrypted.err()).isZero();
        assertThat(decrypted.out()).isEqualTo("a:\n  b: secret\n");
    }
}
