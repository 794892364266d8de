package io.sops4j.testing;

import io.sops4j.keys.KeyEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The public test keys of upstream sops, installed into a private environment for a test. */
public final class TestKeys {

    /** The age identity of upstream's {@code age/keysource_test.go}, used by the 3.13.2 vectors. */
    public static final String AGE_IDENTITY = "AGE-SECRET-KEY-1G0Q5K9TV4REQ3ZSQRMTMG8NSWQGYT0T7TZ33RAZEE0GZYVZN0APSU24RK7";
    public static final String AGE_RECIPIENT = "age1lzd99uklcjnc0e7d860axevet2cz99ce9pq6tzuzd05l5nr28ams36nvun";
    public static final String PGP_FINGERPRINT = "FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4";

    private TestKeys() {
    }

    /** An environment holding only the age test identity. */
    public static KeyEnvironment age(Path home) {
        return KeyEnvironment.of(Map.of("SOPS_AGE_KEY", AGE_IDENTITY, "PATH", System.getenv().getOrDefault("PATH", "")), home);
    }

    /**
     * An environment with a fresh GnuPG home holding upstream's functional-test secret keys,
     * imported with the real {@code gpg}. Skips the test when gpg or the conformance data is absent.
     */
    public static KeyEnvironment pgp(Path home) {
        Path gnupgHome = home.resolve("gnupg");
        Path key = Conformance.upstreamSops().resolve("pgp/sops_functional_tests_key.asc");
        try {
            Files.createDirectories(gnupgHome);
            Files.setPosixFilePermissions(gnupgHome, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            Process process = new ProcessBuilder("gpg", "--batch", "--homedir", gnupgHome.toString(), "--import", key.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            org.junit.jupiter.api.Assumptions.assumeTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0,
                    "gpg could not import the test key");
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("gpg is not installed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Map<String, String> variables = new HashMap<>();
        variables.put("GNUPGHOME", gnupgHome.toString());
        variables.put("PATH", System.getenv().getOrDefault("PATH", ""));
        return KeyEnvironment.of(variables, home);
    }

}
