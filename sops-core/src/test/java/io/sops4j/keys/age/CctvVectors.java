package io.sops4j.keys.age;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.InflaterInputStream;

/**
 * The C2SP CCTV age test vectors, from the npm package pinned in {@code src/test/cctv}
 * (package.json + package-lock.json with its integrity hash). {@code npm ci} installs it into
 * {@code target/cctv} the first time; without npm or the registry the tests are skipped, unless
 * {@code -Dsops4j.cctv.required=true} or {@code CI=true} makes that a failure.
 */
final class CctvVectors {

    static final int EXPECTED_COUNT = 143;
    private static final Pattern ENTRY = Pattern.compile(
            "// \\.\\./testdata/([A-Za-z0-9_]+)\\r?\\nvar [A-Za-z0-9_]+ = __toBinary\\(\"([A-Za-z0-9+/=]*)\"\\);");

    record Vector(String name, Map<String, List<String>> fields, byte[] body) {

        String expect() {
            return first("expect");
        }

        String first(String key) {
            List<String> values = fields.get(key);
            return values == null ? null : values.get(0);
        }

        List<String> all(String key) {
            return fields.getOrDefault(key, List.of());
        }
    }

    private static List<Vector> loaded;

    private CctvVectors() {
    }

    static synchronized List<Vector> all() {
        if (loaded == null) {
            loaded = parse(read(install()));
        }
        return loaded;
    }

    private static Path install() {
        Path work = Path.of("target", "cctv").toAbsolutePath();
        Path index = work.resolve("node_modules/cctv-age/index.js");
        if (Files.isRegularFile(index)) {
            return index;
        }
        String problem;
        try {
            Files.createDirectories(work);
            for (String file : List.of("package.json", "package-lock.json")) {
                Files.copy(Path.of("src", "test", "cctv", file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            boolean windows = System.getProperty("os.name", "").toLowerCase().contains("win");
            Process npm = new ProcessBuilder(windows ? "npm.cmd" : "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
                    .directory(work.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("npm-ci.log").toFile())
                    .start();
            if (!npm.waitFor(300, TimeUnit.SECONDS)) {
                npm.destroyForcibly();
                problem = "npm ci timed out";
            } else if (npm.exitValue() != 0) {
                problem = "npm ci failed (see " + work.resolve("npm-ci.log") + ")";
            } else {
                problem = Files.isRegularFile(index) ? null : "npm ci did not install cctv-age";
            }
        } catch (IOException e) {
            problem = "npm is not available: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted while running npm ci";
        }
        if (problem != null) {
            if (Boolean.getBoolean("sops4j.cctv.required") || "true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CCTV age test vectors unavailable: " + problem);
            }
            assumeTrue(false, "CCTV age test vectors unavailable (needs npm and the npm registry): " + problem);
        }
        return index;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Vector> parse(String module) {
        List<Vector> vectors = new ArrayList<>();
        Matcher m = ENTRY.matcher(module);
        while (m.find()) {
            vectors.add(vector(m.group(1), Base64.getDecoder().decode(m.group(2))));
        }
        return vectors;
    }

    private static Vector vector(String name, byte[] file) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int position = 0;
        while (true) {
            int end = indexOf(file, (byte) '\n', position);
            String line = new String(file, position, end - position, StandardCharsets.UTF_8);
            position = end + 1;
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(": ");
            fields.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>()).add(line.substring(colon + 2));
        }
        byte[] body = java.util.Arrays.copyOfRange(file, position, file.length);
        if ("zlib".equals(fields.getOrDefault("compressed", List.of("")).get(0))) {
            try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Vector(name, fields, body);
    }

    private static int indexOf(byte[] data, byte b, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        throw new IllegalArgumentException("vector header not terminated");
    }
}
