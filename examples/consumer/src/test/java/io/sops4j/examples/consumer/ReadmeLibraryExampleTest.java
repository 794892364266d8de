package io.sops4j.examples.consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sops4j.DecryptedFile;
import io.sops4j.EncryptionOptions;
import io.sops4j.Sops;
import io.sops4j.keys.age.AgeKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's library example, run against sops4j as it was published. */
class ReadmeLibraryExampleTest {

    private static final Path TESTDATA = Path.of(System.getProperty("sops4j.testdata"));
    private static final String DEMO_RECIPIENT = "age1hfuk3te3tgafdn59stqyusr0udgxluxkxl4h9rk3lvlc95vsffzskt5aev";

    @Test
    void decryptsTheDemoFileAndEncryptsAgain(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path secrets = TESTDATA.resolve("demo/app-secrets.sops.yaml");
        Path plain = TESTDATA.resolve("demo/app-secrets.yaml");

        // --- as in the README
        Sops sops = Sops.create();                       // keys from the environment, like the sops CLI

        try (DecryptedFile file = sops.decrypt(secrets)) {
            Map<String, Object> values = file.toMap();   // first document, file order, comments dropped
            Object password = file.extract("[\"database\"][\"password\"]");
            byte[] plaintext = file.toBytes();           // exactly what `sops decrypt` prints
            // ---
            assertEquals("s3cr3t-Pa55w0rd", password);
            assertEquals("orders", ((Map<?, ?>) values.get("database")).get("username"));
            assertArrayEquals(Files.readAllBytes(plain), plaintext);
        }

        // --- as in the README
        byte[] encrypted = sops.encrypt(plain,
                EncryptionOptions.withKeys(AgeKeys.recipient(DEMO_RECIPIENT)));
        // ---

        String written = new String(encrypted, StandardCharsets.UTF_8);
        assertTrue(written.contains("ENC[AES256_GCM,") && !written.contains("s3cr3t-Pa55w0rd"));
        Path again = Files.write(dir.resolve("again.sops.yaml"), encrypted);
        try (DecryptedFile reread = sops.decrypt(again)) {
            assertArrayEquals(Files.readAllBytes(plain), reread.toBytes());
        }
    }
}
