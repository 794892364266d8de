package io.sops4j.cli;

import io.sops4j.keys.age.AgeKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The runs the launcher records its start-up archives from, in a directory of their own with
 * {@code SOPS_AGE_KEY_FILE} naming where the key goes. With {@code all} (or no argument): the
 * everyday commands on a throw-away age key, leaving the encrypted files behind. Afterwards in the
 * same directory, with {@code decrypt} or {@code filestatus}: only what {@link FastPath} runs for
 * that command on those files, for the smaller archive the launcher maps for it. Prints nothing;
 * an archive holds whatever classes its run loaded.
 */
public final class StartupTraining {

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        String kind = args.length == 0 ? "all" : args[0];
        switch (kind) {
            case "all" -> runAll();
            case "decrypt" -> runDecrypt();
            case "filestatus" -> runFileStatus();
            default -> throw new IllegalArgumentException("unknown training: " + kind);
        }
    }

    private static void runAll() throws IOException {
        Path keyFile = Path.of(System.getenv("SOPS_AGE_KEY_FILE"));
        AgeKeys.KeyPair key = AgeKeys.generateX25519();
        Files.writeString(keyFile, key.identity() + "\n");
        Files.writeString(Path.of("training.yaml"), "# a comment\nname: value\nlist:\n  - 1\n  - true\nnested:\n  key: text\n");
        Files.writeString(Path.of("training.json"), "{\"name\": \"value\", \"list\": [1, true], \"nested\": {\"key\": 1.5}}\n");
        run("--version");
        run("encrypt", "--age", key.recipient(), "--output", "training.sops.yaml", "training.yaml");
        run("encrypt", "--age", key.recipient(), "--output", "training.sops.json", "training.json");
        runFileStatus();
        runDecrypt();
    }

    private static void runDecrypt() {
        run("decrypt", "training.sops.yaml");
        run("decrypt", "training.sops.json");
        run("decrypt", "--extract", "[\"nested\"]", "training.sops.yaml");
        run("-d", "training.sops.yaml");
        run("decrypt", "missing.sops.yaml");
    }

    private static void runFileStatus() {
        run("filestatus", "training.sops.yaml");
        run("filestatus", "training.sops.json");
        run("filestatus", "missing.sops.yaml");
    }

    private static void run(String... args) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        SopsCommand.runOrRerun(args, new Streams(new ByteArrayInputStream(new byte[0]), nowhere, nowhere));
    }
}
