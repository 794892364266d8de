package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sops encrypt} and {@code sops decrypt} as processes: files we write open with the real
 * {@code age} and {@code gpg} programs and with our decrypt; failures print nothing on stdout.
 */
class EncryptDecryptInteropTest {

    private static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path DEMO_KEY = REPO.resolve("testdata/keys/demo-age.txt");
    private static final Path DEMO_PLAIN = REPO.resolve("testdata/demo/app-secrets.yaml");

    @TempDir
    Path dir;

    @Test
    void demoFileDecryptsToItsPlaintext() throws IOException {
        SopsProcess.Result result = SopsProcess.run(dir, Map.of("SOPS_AGE_KEY_FILE", DEMO_KEY.toString()), null,
                "decrypt", REPO.resolve("testdata/demo/app-secrets.sops.yaml").toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.out()).isEqualTo(Files.readString(DEMO_PLAIN));
    }

    @Test
    void ageEncryptedFileOpensWithTheRealAgeProgramAndWithOurDecrypt() throws Exception {
        assumeTrue(onPath("age"), "the age program is not installed (CI installs it)");
        String recipient = publicKey();
        SopsProcess.Result encrypted = SopsProcess.run(dir, Map.of(), null, "encrypt", "--age", recipient, DEMO_PLAIN.toString());
        assertThat(encrypted.exitCode()).as(encrypted.stderr()).isZero();
        assertThat(encrypted.out()).doesNotContain("s3cr3t-Pa55w0rd").contains("sops:", "recipient: " + recipient);

        Path ageFile = Files.writeString(dir.resolve("key.age"), armoredBlock(encrypted.out(), "AGE ENCRYPTED FILE"));
        byte[] dataKey = exec(null, "age", "-d", "-i", DEMO_KEY.toString(), ageFile.toString());
        assertThat(dataKey).hasSize(32);

        Path file = Files.write(dir.resolve("secrets.sops.yaml"), encrypted.stdout());
        SopsProcess.Result decrypted = SopsProcess.run(dir, Map.of("SOPS_AGE_KEY_FILE", DEMO_KEY.toString()), null,
                "decrypt", file.toString());
        assertThat(decrypted.out()).isEqualTo(Files.readString(DEMO_PLAIN));
    }

    @Test
    void pgpEncryptedFileOpensWithTheRealGpgProgramAndWithOurDecrypt() throws Exception {
        assumeTrue(onPath("gpg"), "gpg is not installed (CI installs it)");
        Path home = Files.createDirectories(dir.resolve("gnupg"));
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        exec(null, "gpg", "--batch", "--homedir", home.toString(), "--passphrase", "", "--quick-gen-key",
                "sops4j test <test@sops4j.invalid>", "default", "default", "never");
        String listing = new String(exec(null, "gpg", "--homedir", home.toString(), "--with-colons", "--list-keys"), StandardCharsets.UTF_8);
        Matcher fpr = Pattern.compile("(?m)^fpr:+([0-9A-F]{40}):").matcher(listing);
        assertThat(fpr.find()).isTrue();
        Map<String, String> env = Map.of("GNUPGHOME", home.toString());

        SopsProcess.Result encrypted = SopsProcess.run(dir, env, Files.readAllBytes(DEMO_PLAIN),
                "encrypt", "--pgp", fpr.group(1), "--filename-override", "secrets.json", "--input-type", "yaml");
        assertThat(encrypted.exitCode()).as(encrypted.stderr()).isZero();
        assertThat(encrypted.out()).startsWith("{\n").doesNotContain("s3cr3t-Pa55w0rd");

        String enc = armoredJsonBlock(encrypted.out());
        byte[] dataKey = exec(enc.getBytes(StandardCharsets.US_ASCII), "gpg", "--homedir", home.toString(), "--batch", "-d");
        assertThat(dataKey).hasSize(32);

        Path file = Files.write(dir.resolve("secrets.json"), encrypted.stdout());
        SopsProcess.Result decrypted = SopsProcess.run(dir, env, null, "decrypt", "--output-type", "yaml", file.toString());
        assertThat(decrypted.exitCode()).as(decrypted.stderr()).isZero();
        assertThat(decrypted.out()).as("JSON keeps no comments").isEqualTo(Files.readString(DEMO_PLAIN).replaceAll("(?m)^\\s*#.*\\n", ""));
    }

    @Test
    void fileWithoutMacExits51AndPrintsNothing() throws IOException {
        Path noMac = conformanceRoot().resolve("upstream-sops/functional-tests/res/no_mac.yaml");
        Path home = Files.createDirectories(dir.resolve("gnupg"));
        importFunctionalTestKey(home, noMac.getParent().getParent().getParent().resolve("pgp/sops_functional_tests_key.asc"));

        SopsProcess.Result result = SopsProcess.run(dir, Map.of("GNUPGHOME", home.toString()), null, "decrypt", noMac.toString());
        assertThat(result.exitCode()).isEqualTo(51);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("MAC");

        SopsProcess.Result ignored = SopsProcess.run(dir, Map.of("GNUPGHOME", home.toString()), null,
                "decrypt", "--ignore-mac", noMac.toString());
        assertThat(ignored.exitCode()).as(ignored.stderr()).isZero();
        assertThat(ignored.out()).isNotEmpty().doesNotContain("ENC[");
    }

    @Test
    void wrongKeyExits128WithNothingOnStdout() throws IOException {
        Path other = Files.writeString(dir.resolve("other.txt"), "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX\n");
        SopsProcess.Result result = SopsProcess.run(dir, Map.of("SOPS_AGE_KEY_FILE", other.toString()), null,
                "decrypt", REPO.resolve("testdata/demo/app-secrets.sops.yaml").toString());
        assertThat(result.exitCode()).isEqualTo(128);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).doesNotContain("s3cr3t", "AGE-SECRET-KEY");
    }

    @Test
    void missingFileAndConflictingFlags() {
        assertThat(SopsProcess.run(dir, Map.of(), null, "decrypt", "nope.yaml").exitCode()).isEqualTo(100);
        assertThat(SopsProcess.run(dir, Map.of(), null, "decrypt", "-i", "--output", "x", "a.yaml").exitCode()).isEqualTo(8);
        assertThat(SopsProcess.run(dir, Map.of(), "a: b\n".getBytes(StandardCharsets.UTF_8), "encrypt", "--age",
                "age1lzd99uklcjnc0e7d860axevet2cz99ce9pq6tzuzd05l5nr28ams36nvun").exitCode()).isEqualTo(8);
    }

    private static void importFunctionalTestKey(Path home, Path key) {
        try {
            Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            exec(null, "gpg", "--batch", "--homedir", home.toString(), "--import", key.toString());
        } catch (Exception e) {
            org.junit.jupiter.api.Assumptions.abort("gpg could not import the functional test key: " + e.getMessage());
        }
    }

    private static String publicKey() throws IOException {
        Matcher m = Pattern.compile("# public key: (age1\\w+)").matcher(Files.readString(DEMO_KEY));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String armoredBlock(String yaml, String label) {
        Matcher m = Pattern.compile("-----BEGIN " + label + "-----\\n(?:\\s+.*\\n)*?\\s+-----END " + label + "-----").matcher(yaml);
        assertThat(m.find()).isTrue();
        StringBuilder block = new StringBuilder();
        for (String line : m.group().split("\n")) {
            block.append(line.strip()).append('\n');
        }
        return block.toString();
    }

    private static String armoredJsonBlock(String json) {
        Matcher m = Pattern.compile("\"enc\": \"(-----BEGIN PGP MESSAGE-----.*?-----END PGP MESSAGE-----)\"").matcher(json);
        assertThat(m.find()).isTrue();
        return m.group(1).replace("\\n", "\n") + "\n";
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] exec(byte[] stdin, String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        }
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
        return out;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** The shared conformance data: a skipped test when absent, a failed one under CI ({@code CI=true}). */
    private static Path conformanceRoot() {
        String configured = System.getProperty("sops4j.conformance.dir", System.getenv().getOrDefault("SOPS4J_CONFORMANCE_DIR", ""));
        Path root = configured.isEmpty() ? REPO.getParent().resolve("shared/testdata") : Path.of(configured);
        if (!Files.isDirectory(root) && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("conformance data not found: " + root + "; CI=true, so conformance tests may not be skipped");
        }
        assumeTrue(Files.isDirectory(root), "conformance data not found: " + root);
        return root;
    }
}
