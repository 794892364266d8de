package io.sops4j.keys.age;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The npm package {@code age-encryption} (typage), pinned in {@code src/test/typage}
 * (package.json + package-lock.json with integrity hashes), driven through {@code interop.mjs}.
 * {@code npm ci} installs it into {@code target/typage} the first time. Without node, npm or the
 * registry the tests that use it are skipped, saying why; under CI ({@code CI=true}) that is a
 * failure instead.
 */
final class Typage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path WORK = Path.of("target", "typage").toAbsolutePath();
    private static String problem;
    private static boolean installed;

    private Typage() {
    }

    /** Sends one request to the script and returns its answer; a failed script fails the test. */
    static JsonNode call(Map<String, String> request) {
        Path script = install();
        try {
            Process node = new ProcessBuilder("node", script.toString())
                    .directory(WORK.toFile())
                    .redirectError(ProcessBuilder.Redirect.PIPE)
                    .start();
            try (var in = node.getOutputStream()) {
                in.write(JSON.writeValueAsBytes(request));
            }
            byte[] out = node.getInputStream().readAllBytes();
            String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!node.waitFor(120, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new IllegalStateException("typage " + request.get("op") + " timed out");
            }
            if (node.exitValue() != 0) {
                throw new IllegalStateException("typage " + request.get("op") + " failed: " + err);
            }
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static synchronized Path install() {
        Path script = WORK.resolve("interop.mjs");
        if (!installed && problem == null) {
            problem = runNpmCi();
            installed = problem == null;
        }
        if (problem != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("age-encryption (typage) unavailable: " + problem
                        + "; CI=true, so the typage interop tests may not be skipped");
            }
            assumeTrue(false, "age-encryption (typage) unavailable (needs node, npm and the npm registry): " + problem);
        }
        return script;
    }

    private static String runNpmCi() {
        try {
            Files.createDirectories(WORK);
            for (String file : List.of("package.json", "package-lock.json", "interop.mjs")) {
                Files.copy(Path.of("src", "test", "typage", file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.isRegularFile(WORK.resolve("node_modules/age-encryption/package.json"))) {
                return null;
            }
            boolean windows = System.getProperty("os.name", "").toLowerCase().contains("win");
            Process npm = new ProcessBuilder(windows ? "npm.cmd" : "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
                    .directory(WORK.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(WORK.resolve("npm-ci.log").toFile())
                    .start();
            if (!npm.waitFor(300, TimeUnit.SECONDS)) {
                npm.destroyForcibly();
                return "npm ci timed out";
            }
            if (npm.exitValue() != 0) {
                return "npm ci failed (see " + WORK.resolve("npm-ci.log") + ")";
            }
            return Files.isRegularFile(WORK.resolve("node_modules/age-encryption/package.json"))
                    ? null : "npm ci did not install age-encryption";
        } catch (IOException e) {
            return "npm is not available: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while running npm ci";
        }
    }
}
