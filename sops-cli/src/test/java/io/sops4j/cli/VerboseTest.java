package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --verbose}: which master key was tried for the data key, the result and timings; no secret. */
class VerboseTest {

    private static final String CANARY = "canary-value-7731";

    @TempDir
    Path directory;

    private Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(directory);
    }

    @Test
    void decryptNamesTheAgeRecipientTriedAndItsSuccess() {
        cli.encrypted("s.yaml", "password: " + CANARY + "\n");

        Cli.Result result = cli.run("--verbose", "decrypt", "s.yaml");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains(CANARY);
        assertThat(result.err())
                .contains("[io.sops4j.keys] DEBUG age key " + Cli.AGE_RECIPIENT + ": decryption of the data key succeeded (")
                .containsPattern("\\[io\\.sops4j\\.cli] DEBUG sops decrypt finished in \\d+ ms");
        assertNoSecret(result.err());
    }

    @Test
    void encryptNamesTheRecipientTheDataKeyWasEncryptedFor() {
        cli.write("p.yaml", "password: " + CANARY + "\n");

        Cli.Result result = cli.run("--verbose", "encrypt", "--age", Cli.AGE_RECIPIENT, "p.yaml");

        assertThat(result.exit()).isZero();
        assertThat(result.err()).contains("age key " + Cli.AGE_RECIPIENT + ": encryption of the data key succeeded (");
        assertNoSecret(result.err());
    }

    @Test
    void aKeyThatCannotDecryptIsShownFailing() {
        cli.write("p.yaml", "password: " + CANARY + "\n");
        Cli.Result encrypted = cli.run("encrypt", "--age", Cli.OTHER_RECIPIENT, "p.yaml");
        assertThat(encrypted.exit()).isZero();
        cli.write("s.yaml", encrypted.out());

        Cli.Result result = cli.run("--verbose", "decrypt", "s.yaml");

        assertThat(result.exit()).isEqualTo(128);
        assertThat(result.err()).contains(
                "[io.sops4j.keys] DEBUG age key " + Cli.OTHER_RECIPIENT + ": decryption of the data key failed (");
        assertNoSecret(result.err());
    }

    @Test
    void withoutVerboseNothingIsLogged() {
        cli.encrypted("s.yaml", "password: " + CANARY + "\n");

        Cli.Result result = cli.run("decrypt", "s.yaml");

        assertThat(result.exit()).isZero();
        assertThat(result.err()).isEmpty();
    }

    private static void assertNoSecret(String err) {
        assertThat(err).doesNotContain(CANARY).doesNotContain(Cli.AGE_IDENTITY).doesNotContain("AGE-SECRET-KEY");
    }
}
