package io.sops4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared conformance data (files written by upstream sops, the 3.13.2 vectors, upstream's
 * store cases). It lives outside the repository; tests that need it are skipped, with a message
 * saying so, when it is absent -- except under CI ({@code CI=true}), where its absence fails them.
 */
public final class Conformance {

    public static final String PROPERTY = "sops4j.conformance.dir";

    private Conformance() {
    }

    /** The conformance root; a skipped test when it is not present, a failed one under CI. */
    public static Path root() {
        String configured = System.getProperty(PROPERTY, System.getenv().getOrDefault("SOPS4J_CONFORMANCE_DIR", ""));
        return root(configured, "true".equalsIgnoreCase(System.getenv("CI")));
    }

    static Path root(String configured, boolean underCi) {
        Path root = configured.isEmpty() ? null : Path.of(configured).normalize();
        if (root == null || !Files.isDirectory(root)) {
            String missing = "conformance data not found (set -D" + PROPERTY + " or SOPS4J_CONFORMANCE_DIR; expected ../shared/testdata): " + root;
            if (underCi) {
                throw new IllegalStateException(missing + "; CI=true, so conformance tests may not be skipped");
            }
            Assumptions.abort(missing);
        }
        return root;
    }

    public static Path upstreamSops() {
        return root().resolve("upstream-sops");
    }

    public static Path vectors() {
        return root().resolve("sops-3.13.2-vectors");
    }

    public static Path storeCases() {
        return root().resolve("upstream-store-cases");
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String readString(Path file) {
        return new String(read(file), java.nio.charset.StandardCharsets.UTF_8);
    }
}
