package io.sops4j.keys.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sops4j.keys.KeyEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Temporary GnuPG homes driven by the real gpg program, and environments with or without gpg on the PATH. */
final class GnupgFixture {

    private static final Pattern ARMORED = Pattern.compile("-----BEGIN PGP MESSAGE-----.*?-----END PGP MESSAGE-----", Pattern.DOTALL);

    private final Path root;
    private final List<Path> homes = new ArrayList<>();

    GnupgFixture(Path root) {
        this.root = root;
    }

    static void assumeGpg() {
        assumeTrue(findGpg() != null, "gpg is not installed");
    }

    private static Path findGpg() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "gpg");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** A new, empty GnuPG home (mode 0700, as gpg wants). */
    Path newHome() throws IOException {
        Path home = Files.createDirectory(root.resolve("gnupg" + homes.size()));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        homes.add(home);
        return home;
    }

    /** An environment whose GNUPGHOME is {@code home} and whose PATH finds gpg. */
    KeyEnvironment withGpg(Path home) {
        return KeyEnvironment.of(Map.of("GNUPGHOME", home.toString(), "PATH", System.getenv("PATH")), root);
    }

    /** An environment whose GNUPGHOME is {@code home} and whose PATH is an empty directory. */
    KeyEnvironment withoutGpg(Path home) throws IOException {
        Path emptyBin = root.resolve("empty-bin");
        Files.createDirectories(emptyBin);
        return KeyEnvironment.of(Map.of("GNUPGHOME", home.toString(), "PATH", emptyBin.toString()), root);
    }

    String gpg(Path home, byte[] stdin, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--homedir", home.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        }
        var stdout = process.getInputStream().readAllBytes();
        var stderr = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as("gpg %s: %s", arguments, new String(stderr, StandardCharsets.UTF_8))
                .isZero();
        return new String(stdout, StandardCharsets.UTF_8);
    }

    void importKeys(Path home, Path keyFile) throws IOException, InterruptedException {
        gpg(home, null, "--import", keyFile.toString());
    }

    /** Generates a key without passphrase and returns its primary fingerprint. */
    String generateKey(Path home, String userId, String algorithm, String passphrase) throws IOException, InterruptedException {
        gpg(home, null, "--pinentry-mode", "loopback", "--passphrase", passphrase,
                "--quick-gen-key", userId, algorithm, "default", "never");
        String fingerprint = primaryFingerprint(home, userId);
        if (algorithm.startsWith("rsa")) {
            gpg(home, null, "--pinentry-mode", "loopback", "--passphrase", passphrase,
                    "--quick-add-key", fingerprint, algorithm, "encr", "never");
        }
        return fingerprint;
    }

    private String primaryFingerprint(Path home, String userId) throws IOException, InterruptedException {
        String listing = gpg(home, null, "--with-colons", "--list-keys", userId);
        Matcher matcher = Pattern.compile("(?m)^fpr:+([0-9A-F]{40}):").matcher(listing);
        assertThat(matcher.find()).as(listing).isTrue();
        return matcher.group(1);
    }

    /** Stops the gpg-agents the gpg calls started. */
    void close() {
        for (Path home : homes) {
            try {
                new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "gpg-agent")
                        .redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
            } catch (IOException e) {
                // no gpgconf: no agent was started by this fixture either
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The armored PGP messages in a YAML or JSON file, as stored (indentation and JSON escapes removed). */
    static List<String> armoredMessages(String text) {
        String unescaped = text.replace("\\n", "\n");
        List<String> messages = new ArrayList<>();
        Matcher matcher = ARMORED.matcher(unescaped);
        while (matcher.find()) {
            messages.add(matcher.group().lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElseThrow());
        }
        return messages;
    }
}
