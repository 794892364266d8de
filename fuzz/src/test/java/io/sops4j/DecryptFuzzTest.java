package io.sops4j;

import static io.sops4j.fuzz.Invariant.returnsOrFailsTyped;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sops4j.format.Format;
import io.sops4j.fuzz.DemoKey;
import org.junit.jupiter.api.Timeout;
import io.sops4j.fuzz.WarmUp;

/**
 * Whole encrypted files through the public API with the key they are encrypted to: loader, metadata
 * decoding, the age data key, every {@code ENC[...]} value and the MAC. The seeds decrypt, so the
 * fuzzer starts past the checks a random input fails.
 */
@Timeout(10)
class DecryptFuzzTest {

    private static final Sops SOPS = DemoKey.sops();

    static {
        WarmUp.onSeeds(DecryptFuzzTest.class, "yaml", input -> decrypt(Format.YAML, input));
        WarmUp.onSeeds(DecryptFuzzTest.class, "json", input -> decrypt(Format.JSON, input));
        WarmUp.onSeeds(DecryptFuzzTest.class, "dotenv", input -> decrypt(Format.DOTENV, input));
        WarmUp.onSeeds(DecryptFuzzTest.class, "ini", input -> decrypt(Format.INI, input));
        WarmUp.onSeeds(DecryptFuzzTest.class, "binary", input -> decrypt(Format.BINARY, input));
    }

    @FuzzTest
    void yaml(byte[] input) {
        decrypt(Format.YAML, input);
    }

    @FuzzTest
    void json(byte[] input) {
        decrypt(Format.JSON, input);
    }

    @FuzzTest
    void dotenv(byte[] input) {
        decrypt(Format.DOTENV, input);
    }

    @FuzzTest
    void ini(byte[] input) {
        decrypt(Format.INI, input);
    }

    @FuzzTest
    void binary(byte[] input) {
        decrypt(Format.BINARY, input);
    }

    @FuzzTest
    void metadataYaml(byte[] input) {
        returnsOrFailsTyped(() -> SOPS.metadata(input, Format.YAML));
    }

    @FuzzTest
    void metadataJson(byte[] input) {
        returnsOrFailsTyped(() -> SOPS.metadata(input, Format.JSON));
    }

    private static void decrypt(Format format, byte[] input) {
        returnsOrFailsTyped(() -> SOPS.decrypt(input, format).toBytes());
    }
}
