package io.sops4j.example;

import io.sops4j.EncryptionOptions;
import io.sops4j.Sops;
import io.sops4j.format.Format;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.MasterKey;
import io.sops4j.keys.age.AgeKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Fixtures for tests: secrets files like secrets.sops.yaml, encrypted to keys made in the test. */
final class TestSecrets {

    private TestSecrets() {
    }

    /** The settings of secrets.sops.yaml with the given database port and password. */
    static String yaml(int databasePort, String databasePassword, double rolloutPercentage) {
        return """
                database:
                  host: db.test
                  port: %d
                  username: orders
                  password: %s
                  pool_size_unencrypted: 4
                api:
                  stripe_key: sk_test_%s
                  webhook_secret: whsec_test
                  allowed_origins:
                    - https://shop.test
                features:
                  new_checkout: true
                  rollout_percentage: %s
                """.formatted(databasePort, databasePassword, databasePassword, rolloutPercentage);
    }

    /** A new age identity, written as an identity file {@code name} in {@code directory}. */
    static AgeKeys.KeyPair ageKey(Path directory, String name) {
        AgeKeys.KeyPair key = AgeKeys.generateX25519();
        write(directory.resolve(name), key.identity() + "\n");
        return key;
    }

    static Path encryptToAge(Path file, String yaml, String recipient) {
        return encrypt(file, yaml, AgeKeys.recipient(recipient), KeyEnvironment.system());
    }

    /** Encrypts {@code yaml} to {@code key}, reaching the key's service through {@code variables}. */
    static Path encrypt(Path file, String yaml, MasterKey key, KeyEnvironment keys) {
        byte[] encrypted = Sops.builder().environment(keys).build()
                .encrypt(yaml.getBytes(StandardCharsets.UTF_8), Format.YAML, EncryptionOptions.withKeys(key));
        return write(file, new String(encrypted, StandardCharsets.UTF_8));
    }

    static KeyEnvironment environment(Map<String, String> variables, Path home) {
        return KeyEnvironment.of(variables, home);
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
