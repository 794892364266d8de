package io.sops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the real command line in its own JVM, in a working directory, with a controlled environment. */
final class Cli {

    static final String AGE_IDENTITY = "AGE-SECRET-KEY-1G0Q5K9TV4REQ3ZSQRMTMG8NSWQGYT0T7TZ33RAZEE0GZYVZN0APSU24RK7";
    static final String AGE_RECIPIENT = "age1lzd99uklcjnc0e7d860axevet2cz99ce9pq6tzuzd05l5nr28ams36nvun";
    /** A second recipient whose identity the tests never hold. */
    static final String OTHER_RECIPIENT = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

    private final Path directory;
    private final Map<String, String> environment = new HashMap<>();
    private final List<String> launcher = new ArrayList<>();
    private String mainClass = SopsCommand.class.getName();

    Cli(Path directory) {
        this.directory = directory;
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("HOME", directory.toString());
        environment.put("SOPS_AGE_KEY", AGE_IDENTITY);
        environment.put("TMPDIR", directory.resolve("tmp").toString());
        try {
            Files.createDirectories(directory.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Cli env(String name, String value) {
        if (value == null) {
            environment.remove(name);
        } else {
            environment.put(name, value);
        }
        return this;
    }

    /** Starts the command line through {@code command} (a shell setting the umask, {@code setpriv}), which runs its arguments. */
    Cli launchedThrough(String... command) {
        launcher.clear();
        launcher.addAll(List.of(command));
        return this;
    }

    /** Starts the command line from {@code main} instead of {@link SopsCommand}. */
    Cli mainClass(Class<?> main) {
        mainClass = main.getName();
        return this;
    }

    Path dir() {
        return directory;
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    /** The command line started in the background, for tests that talk to it while it runs. */
    Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Djava.io.tmpdir=" + directory.resolve("tmp"),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder.start();
    }

    Result runWithInput(String stdin, String... args) {
        try {
            Process process = start(args);
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("sops finished: %s", List.of(args)).isTrue();
            return new Result(process.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code content} to {@code name} and encrypts it in place for the test recipient. */
    Path encrypted(String name, String content) {
        Path file = write(name, content);
        Result result = run("encrypt", "-i", "--age", AGE_RECIPIENT, name);
        assertThat(result.exit()).as(result.err()).isZero();
        return file;
    }

    Path write(String name, String content) {
        try {
            return Files.writeString(directory.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A shell script usable as {@code SOPS_EDITOR}. */
    Path script(String name, String body) {
        Path script = write(name, "#!/bin/sh\n" + body + "\n");
        script.toFile().setExecutable(true);
        return script;
    }

    String read(String name) {
        try {
            return Files.readString(directory.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decrypted file, failing the test when decryption fails. */
    String decrypt(String name) {
        Result result = run("decrypt", name);
        assertThat(result.exit()).as(result.err()).isZero();
        return result.out();
    }

    /** Nothing but the files the test made itself: no temporary plaintext left behind. */
    void assertNoTemporaryFiles() {
        try (var files = Files.list(directory.resolve("tmp"))) {
            assertThat(files.toList()).as("temporary files").isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Result(int exit, String out, String err) {
    }
}
