package io.sops4j.spring;

import io.sops4j.EncryptionOptions;
import io.sops4j.Sops;
import io.sops4j.format.Format;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test files encrypted to the test-only demo age key, and key files to decrypt them with. */
final class Fixtures {

    static final String DEMO_RECIPIENT = "age1hfuk3te3tgafdn59stqyusr0udgxluxkxl4h9rk3lvlc95vsffzskt5aev";
    /** Upstream's public test identity: a valid age key that cannot open files made for the demo key. */
    static final String OTHER_IDENTITY = "AGE-SECRET-KEY-1G0Q5K9TV4REQ3ZSQRMTMG8NSWQGYT0T7TZ33RAZEE0GZYVZN0APSU24RK7";
    static final String DEMO_SECRETS = "classpath:io/sops4j/testdata/demo/app-secrets.sops.yaml";

    private Fixtures() {
    }

    static Path demoKeyFile(Path directory) {
        Path file = directory.resolve("demo-age.txt");
        try (InputStream in = Fixtures.class.getResourceAsStream("/io/sops4j/testdata/keys/demo-age.txt")) {
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path otherKeyFile(Path directory) {
        return write(directory.resolve("other-age.txt"), OTHER_IDENTITY + "\n");
    }

    /** Encrypts {@code plaintext} (in the format {@code name} says) to the demo key and writes it as {@code name}. */
    static Path encrypted(Path directory, String name, String plaintext) {
        MasterKey age = KeySources.installed().find("age").orElseThrow().fromIdentifier(DEMO_RECIPIENT);
        byte[] encrypted = Sops.create().encrypt(plaintext.getBytes(StandardCharsets.UTF_8), Format.fromPath(name),
                EncryptionOptions.withKeys(age));
        try {
            Path file = directory.resolve(name);
            Files.write(file, encrypted);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, String text) {
        try {
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
