package io.sops4j.keys.pgp;

import io.sops4j.keys.KeyEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code gpg} program, called with exactly the arguments upstream sops uses: {@code $SOPS_GPG_EXEC}
 * (a path, or a name looked up on {@code PATH}) or {@code gpg} on the environment's {@code PATH}.
 */
final class GpgBinary {

    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private final Path executable;
    private final KeyEnvironment environment;
    private final GnupgHome home;

    private GpgBinary(Path executable, KeyEnvironment environment, GnupgHome home) {
        this.executable = executable;
        this.environment = environment;
        this.home = home;
    }

    /** The configured binary, or empty when no such executable exists. */
    static Optional<GpgBinary> find(KeyEnvironment environment, GnupgHome home) {
        String name = environment.get("SOPS_GPG_EXEC").orElse("gpg");
        return locate(name, environment).map(path -> new GpgBinary(path, environment, home));
    }

    private static Optional<Path> locate(String name, KeyEnvironment environment) {
        if (name.contains("/") || name.contains(File.separator)) {
            Path path = Path.of(name);
            return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String searchPath = environment.get("PATH").or(() -> environment.get("Path")).orElse("");
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String candidate : WINDOWS ? List.of(name, name + ".exe") : List.of(name)) {
                Path path = Path.of(dir, candidate);
                if (Files.isRegularFile(path) && Files.isExecutable(path)) {
                    return Optional.of(path);
                }
            }
        }
        return Optional.empty();
    }

    Path executable() {
        return executable;
    }

    String encrypt(byte[] plaintext, String fingerprint) throws PgpFailure {
        String keyId = fingerprint.substring(Math.max(0, fingerprint.length() - 16));
        byte[] out = run(plaintext, "--no-default-recipient", "--yes", "--encrypt", "-a", "-r", fingerprint,
                "--trusted-key", keyId, "--no-encrypt-to");
        return new String(out, StandardCharsets.UTF_8).strip();
    }

    byte[] decrypt(String armored) throws PgpFailure {
        byte[] out = run(armored.getBytes(StandardCharsets.UTF_8), "-d");
        if (out.length == 0) {
            throw new PgpFailure("gpg failed: it produced no output");
        }
        return out;
    }

    private byte[] run(byte[] input, String... arguments) throws PgpFailure {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        if (home.explicit()) {
            command.add("--homedir");
            command.add(home.directory().toString());
        }
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> childEnvironment = builder.environment();
        childEnvironment.clear();
        childEnvironment.putAll(environment.variables());
        childEnvironment.putIfAbsent("HOME", environment.home().toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new PgpFailure("gpg failed: cannot run " + executable + ": " + e.getMessage());
        }
        CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input);
        } catch (IOException e) {
            // gpg may exit before reading its input; its exit status and stderr tell why
        }
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new PgpFailure("gpg failed: interrupted");
        }
        byte[] errors = stderr.join();
        if (status != 0) {
            throw new PgpFailure("gpg failed: " + summary(new String(errors, StandardCharsets.UTF_8), status));
        }
        return stdout.join();
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The lines of gpg's diagnostics that state a problem, without the {@code gpg: } prefix. Progress
     * notes ("encrypted with ...", "keybox ... created") and indented user-ID lines are left out.
     */
    static String summary(String stderr, int status) {
        List<String> problems = stderr.lines()
                .filter(line -> line.startsWith("gpg: "))
                .map(line -> line.substring(5).strip())
                .filter(line -> !isProgressNote(line))
                .toList();
        if (problems.isEmpty()) {
            return "exit status " + status;
        }
        return String.join("; ", problems);
    }

    private static boolean isProgressNote(String line) {
        return line.startsWith("encrypted with ")
                || (line.startsWith("keybox ") && line.endsWith(" created"))
                || (line.startsWith("directory ") && line.endsWith(" created"));
    }
}
