package io.sops4j.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.EncryptionOptions;
import io.sops4j.Sops;
import io.sops4j.format.Format;
import io.sops4j.keys.age.AgeKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The README's test recipe: a throwaway age key made by the test, and a fixture encrypted to it. */
@SpringBootTest(properties = {
    "sops.age.key-file=target/test-sops/age.txt",
    "orders.secrets-file=file:target/test-sops/secrets.sops.yaml"
})
class ThrowawayKeyTests {

    @BeforeAll
    static void encryptFixtures() throws IOException {
        Path dir = Files.createDirectories(Path.of("target/test-sops"));
        AgeKeys.KeyPair key = AgeKeys.generateX25519();
        Files.writeString(dir.resolve("age.txt"), key.identity() + "\n");
        String yaml = """
                database: {host: localhost, port: 15432, username: orders, password: test-only-password}
                api: {stripe_key: sk_test_fixture, webhook_secret: whsec_fixture, allowed_origins: [http://localhost]}
                features: {new_checkout: false, rollout_percentage: 0}
                """;
        byte[] encrypted = Sops.create().encrypt(yaml.getBytes(StandardCharsets.UTF_8), Format.YAML,
                EncryptionOptions.withKeys(AgeKeys.recipient(key.recipient())));
        Files.write(dir.resolve("secrets.sops.yaml"), encrypted);
    }

    @Autowired
    DatabaseProperties database;

    @Autowired
    ApiProperties api;

    @Test
    void bindsTheFixtureEncryptedToTheThrowawayKey() {
        assertThat(database.getPassword()).isEqualTo("test-only-password");
        assertThat(database.getPort()).isEqualTo(15432);
        assertThat(api.allowedOrigins()).containsExactly("http://localhost");
    }
}
