package io.sops4j.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sops4j.EncryptionOptions;
import io.sops4j.Sops;
import io.sops4j.format.Format;
import io.sops4j.keys.KeyEnvironment;
import io.sops4j.keys.KeySources;
import io.sops4j.keys.age.AgeKeys;
import io.sops4j.keyservice.KeyServiceServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keyServices}: the decrypt goal unwraps through a running key service that holds the key the build lacks. */
class KeyServiceMojoTest {

    private static final String PLAINTEXT = "password: hunter2\n";

    @TempDir
    Path project;

    @TempDir
    Path serverHome;

    private final AgeKeys.KeyPair pair = AgeKeys.generateX25519();

    @Test
    void decryptsThroughTheNamedKeyServiceWithTheLocalKeysOff() throws Exception {
        KeyEnvironment holder = KeyEnvironment.of(Map.of("SOPS_AGE_KEY", pair.identity()), serverHome);
        Path secrets = Files.createDirectories(project.resolve("src/main/secrets"));
        Files.writeString(project.resolve(".sops.yaml"), "creation_rules:\n  - age: " + pair.recipient() + "\n");
        Files.write(secrets.resolve("app.yaml"), Sops.builder().environment(holder).build().encrypt(
                PLAINTEXT.getBytes(StandardCharsets.UTF_8), Format.YAML, EncryptionOptions.withKeys(AgeKeys.recipient(pair.recipient()))));
        try (KeyServiceServer server = KeyServiceServer.start("tcp", "127.0.0.1:0", KeySources.installed(), holder)) {
            DecryptMojo mojo = mojo(List.of(server.uri()));
            mojo.execute();
            assertThat(project.resolve("target/sops/app.yaml")).hasContent(PLAINTEXT);
        }
    }

    @Test
    void anInvalidUriFailsTheGoal() throws Exception {
        Files.createDirectories(project.resolve("src/main/secrets"));
        MojoFailureException failure = catchThrowableOfType(MojoFailureException.class,
                () -> mojo(List.of("http://localhost:5000")).execute());
        assertThat(failure.getMessage()).isEqualTo(
                "sops:decrypt failed: invalid key service URI 'http://localhost:5000': want tcp://host:port or unix:///path");
    }

    private DecryptMojo mojo(List<String> keyServices) {
        DecryptMojo mojo = new DecryptMojo();
        mojo.basedir = project.toFile();
        mojo.sourceDirectory = project.resolve("src/main/secrets").toFile();
        mojo.outputDirectory = project.resolve("target/sops").toFile();
        mojo.stateDirectory = project.resolve("target/sops-maven-plugin").toFile();
        mojo.configFile = project.resolve(".sops.yaml").toFile();
        mojo.failOnMissingKey = true;
        mojo.keyServices = keyServices;
        mojo.enableLocalKeyService = false;
        return mojo;
    }
}
