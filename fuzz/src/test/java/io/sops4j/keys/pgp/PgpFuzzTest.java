package io.sops4j.keys.pgp;

import static io.sops4j.fuzz.Invariant.returnsOrFails;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sops4j.keys.KeyEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import io.sops4j.fuzz.WarmUp;

/**
 * OpenPGP as sops reads it without the gpg program: the armored message holding a data key (its
 * public-key encrypted session key and encrypted data packets) and the key packets of a keyring.
 * Failures are {@link PgpFailure}, which the master key reports as a {@code DataKeyException}.
 */
@Timeout(10)
class PgpFuzzTest {

    static final String FINGERPRINT = "78FD31CE403D455E9F74D3B38BFB0A71EBFD1784";
    private static final GnupgKeyring KEYRING = new GnupgKeyring(GnupgHome.of(homeWith(secretKey())));
    private static final Path FUZZED_HOME = temporaryHome();

    static {
        WarmUp.onSeeds(PgpFuzzTest.class, "encryptedDataKey", new PgpFuzzTest()::encryptedDataKey);
    }

    private static byte[] secretKey() {
        try (InputStream in = PgpFuzzTest.class.getResourceAsStream("fuzz-secret-key.asc")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryHome() {
        try {
            return Files.createTempDirectory("sops4j-fuzz-gnupg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyEnvironment homeWith(byte[] secring) {
        Path home = temporaryHome();
        try {
            Files.write(home.resolve("secring.gpg"), secring);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return KeyEnvironment.of(Map.of("GNUPGHOME", home.toString()), home);
    }

    @FuzzTest
    void encryptedDataKey(byte[] input) {
        String armored = new String(input, StandardCharsets.ISO_8859_1);
        returnsOrFails(PgpFailure.class, () -> OpenPgpMessages.decrypt(armored, KEYRING, FINGERPRINT));
    }

    /** A keyring file of arbitrary key packets, searched for a certificate and a secret key. */
    @FuzzTest
    void keyring(byte[] input) throws IOException {
        Path secring = FUZZED_HOME.resolve("secring.gpg");
        Path written = Files.write(FUZZED_HOME.resolve("secring.gpg.new"), input);
        Files.move(written, secring, StandardCopyOption.REPLACE_EXISTING);
        GnupgKeyring keyring = new GnupgKeyring(GnupgHome.of(
                KeyEnvironment.of(Map.of("GNUPGHOME", FUZZED_HOME.toString()), FUZZED_HOME)));
        returnsOrFails(PgpFailure.class, () -> {
            keyring.certificate(FINGERPRINT);
            keyring.privateKey(0x8BFB0A71EBFD1784L);
        });
    }
}
