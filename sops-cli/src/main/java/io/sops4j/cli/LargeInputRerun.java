package io.sops4j.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code bin/sops} starts the JVM with C1 alone and Bouncy Castle's primitives, the fastest start
 * for the everyday small file, and says so with {@link #PROPERTY}. An input of more than 24 MiB
 * repays the optimising compiler and the JDK's primitives: such a command runs again through the
 * launcher with {@code SOPS4J_COMPILER=optimising}, which starts the JVM with both. An input is an
 * argument naming a regular file, or standard input redirected from one; only their metadata is
 * read, so FIFOs, devices and standard input stay untouched for the command itself.
 */
final class LargeInputRerun {

    static final String PROPERTY = "sops4j.rerunLargeInputs";

    static final long LARGE = 24L << 20;

    private LargeInputRerun() {
    }

    /** The exit code of the command run again, or empty when this JVM runs it. */
    static OptionalInt run(String[] args) {
        if (!Boolean.getBoolean(PROPERTY) || !anyLarge(args)) {
            return OptionalInt.empty();
        }
        Path launcher = launcher();
        if (launcher == null) {
            return OptionalInt.empty();
        }
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("SOPS4J_COMPILER", "optimising");
        try {
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            return OptionalInt.of(process.waitFor());
        } catch (IOException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(130);
        }
    }

    static boolean anyLarge(String[] args) {
        for (String arg : args) {
            if (large(arg)) {
                return true;
            }
        }
        return large("/dev/stdin");
    }

    private static boolean large(String name) {
        try {
            Path path = Path.of(name);
            return Files.isRegularFile(path) && Files.size(path) > LARGE;
        } catch (InvalidPathException | IOException | SecurityException e) {
            return false;
        }
    }

    /** {@code bin/sops} of the installation whose {@code lib/} this class was loaded from. */
    private static Path launcher() {
        CodeSource code = LargeInputRerun.class.getProtectionDomain().getCodeSource();
        if (code == null || code.getLocation() == null) {
            return null;
        }
        try {
            Path lib = Path.of(code.getLocation().toURI()).getParent();
            Path launcher = lib == null ? null : lib.resolveSibling("bin").resolve("sops");
            return launcher != null && Files.isExecutable(launcher) ? launcher : null;
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            return null;
        }
    }
}
