package io.sops4j.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sops4j.EncryptionOptions;
import io.sops4j.Sops;
import io.sops4j.format.Format;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.MasterKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Starting the application with profiles, optional overrides, wrong keys and damaged files. */
@ExtendWith(OutputCaptureExtension.class)
class StartupTests {

    private static final String DEMO_RECIPIENT = "age1hfuk3te3tgafdn59stqyusr0udgxluxkxl4h9rk3lvlc95vsffzskt5aev";
    private static final String OTHER_IDENTITY = "AGE-SECRET-KEY-1G0Q5K9TV4REQ3ZSQRMTMG8NSWQGYT0T7TZ33RAZEE0GZYVZN0APSU24RK7";

    @TempDir
    Path dir;

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(OrdersApplication.class).web(WebApplicationType.NONE)
                .properties("logging.level.io.sops4j=DEBUG").run(args);
    }

    @Test
    void devProfileAddsItsOwnSecretsFile(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start("--spring.profiles.active=dev")) {
            DatabaseProperties database = context.getBean(DatabaseProperties.class);
            assertThat(database.getHost()).isEqualTo("localhost");
            assertThat(database.getPassword()).isEqualTo("dev-only-Pa55");
            assertThat(database.getUsername()).isEqualTo("orders");
        }
        assertThat(output.getAll()).contains("Decrypted SOPS file 'classpath:secrets-dev.sops.yaml'")
                .doesNotContain("dev-only-Pa55", "s3cr3t-Pa55w0rd");
    }

    @Test
    void optionalImportOverridesWhenPresentAndIsSkippedWhenAbsent() throws IOException {
        Path local = dir.resolve("local.sops.yaml");
        String importLocal = "--spring.config.import=optional:sops:file:" + local;
        try (ConfigurableApplicationContext context = start(importLocal)) {
            assertThat(context.getBean(DatabaseProperties.class).getPassword()).isEqualTo("s3cr3t-Pa55w0rd");
        }
        Files.write(local, encrypt("database:\n  password: my-laptop-Pa55\n"));
        try (ConfigurableApplicationContext context = start(importLocal)) {
            assertThat(context.getBean(DatabaseProperties.class).getPassword()).isEqualTo("my-laptop-Pa55");
        }
    }

    @Test
    void wrongKeyStopsStartupWithAnExplanation(CapturedOutput output) throws IOException {
        Path otherKey = Files.writeString(dir.resolve("other.txt"), OTHER_IDENTITY + "\n");
        assertThatThrownBy(() -> start("--sops.age.key-file=" + otherKey));
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START",
                "The SOPS file 'classpath:secrets.sops.yaml' could not be decrypted",
                "age1hfuk3te3tgafdn59stqyusr0udgxluxkxl4h9rk3lvlc95vsffzskt5aev",
                "point SOPS_AGE_KEY_FILE or the property sops.age.key-file at an age identity file");
        assertNoSecret(output);
    }

    @Test
    void keyMaterialInAPropertyIsRefused(CapturedOutput output) {
        assertThatThrownBy(() -> start("--sops.age.key-file=" + OTHER_IDENTITY));
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "'sops.age.key-file' holds secret key material")
                .doesNotContain(OTHER_IDENTITY.substring(16));
    }

    @Test
    void tamperedFileStopsStartupEvenWhenOptional(CapturedOutput output) throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/secrets.sops.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path tampered = Files.writeString(dir.resolve("tampered.sops.yaml"),
                text.replaceAll("(?m)^    username: .*\\n", ""));
        assertThatThrownBy(() -> start("--spring.config.import=optional:sops:file:" + tampered));
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", tampered.toString(), "MAC mismatch",
                "Restore");
        assertNoSecret(output);
    }

    @Test
    void missingMandatoryFileStopsStartup(CapturedOutput output) {
        Path absent = dir.resolve("absent.sops.yaml");
        assertThatThrownBy(() -> start("--spring.config.import=sops:file:" + absent));
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", absent.toString(), "does not exist");
    }

    private static byte[] encrypt(String yaml) {
        MasterKey age = KeySources.installed().find("age").orElseThrow().fromIdentifier(DEMO_RECIPIENT);
        return Sops.create().encrypt(yaml.getBytes(StandardCharsets.UTF_8), Format.YAML, EncryptionOptions.withKeys(age));
    }

    private static void assertNoSecret(CapturedOutput output) {
        for (String secret : Secrets.VALUES) {
            assertThat(output.getAll()).doesNotContain(secret);
        }
    }
}
